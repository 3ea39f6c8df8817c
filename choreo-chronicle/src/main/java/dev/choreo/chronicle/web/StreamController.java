package dev.choreo.chronicle.web;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.events.SseHub;
import dev.choreo.chronicle.security.Caller;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of one tenant: {@code run.completed} and {@code anomaly.detected},
 * each with its event id, a heartbeat comment, and replay after {@code Last-Event-ID}.
 *
 * @author Choreo
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/api/v1/stream")
class StreamController {

	private final SseHub hub;

	private final TenantScope scope;

	StreamController(SseHub hub, TenantScope scope) {
		this.hub = hub;
		this.scope = scope;
	}

	@GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Caller caller, @RequestParam(required = false) @Nullable String tenant,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		return this.hub.subscribe(this.scope.tenantId(caller, tenant), parse(lastEventId));
	}

	private static @Nullable Long parse(@Nullable String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(lastEventId.trim());
		}
		catch (NumberFormatException ex) {
			throw ApiException.unprocessable("Last-Event-ID must be an event id sent by this stream");
		}
	}

}
