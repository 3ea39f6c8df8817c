package dev.choreo.chronicle.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.events.SseHub;
import dev.choreo.chronicle.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in tenant's events for the dashboard's pages: the API's stream,
 * authenticated by the session instead of an {@code Authorization} header (which
 * {@code EventSource} cannot send).
 *
 * @author Choreo
 */
@Controller
@ConditionalOnWebApplication
class DashboardStreamController {

	private final DashboardAccess access;

	private final SseHub hub;

	DashboardStreamController(DashboardAccess access, SseHub hub) {
		this.access = access;
		this.hub = hub;
	}

	@GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(HttpServletRequest request,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		Caller caller = this.access.caller(request);
		Long tenantId = caller.tenantId();
		if (tenantId == null) {
			throw new DashboardAccess.SignInRequiredException();
		}
		return this.hub.subscribe(tenantId, parse(lastEventId));
	}

	private static @Nullable Long parse(@Nullable String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(lastEventId.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
