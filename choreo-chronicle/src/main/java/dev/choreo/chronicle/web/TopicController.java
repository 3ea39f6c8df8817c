package dev.choreo.chronicle.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.query.LatencyQueries;
import dev.choreo.chronicle.query.Resolution;
import dev.choreo.chronicle.query.TopicQueries;
import dev.choreo.chronicle.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Topics, their latency over time and their runs. Topic names may contain dots and
 * slashes, so the topic path segment is everything up to {@code /latency} or
 * {@code /runs}.
 *
 * @author Choreo
 */
@RestController
@RequestMapping("/api/v1/topics")
class TopicController {

	private static final Duration MAX_WINDOW = Duration.ofDays(365);

	private final TopicQueries topics;

	private final LatencyQueries latency;

	private final TenantScope scope;

	TopicController(TopicQueries topics, LatencyQueries latency, TenantScope scope) {
		this.topics = topics;
		this.latency = latency;
		this.scope = scope;
	}

	@GetMapping
	List<TopicQueries.TopicSummary> list(Caller caller, @RequestParam(required = false) @Nullable String tenant) {
		return this.topics.list(this.scope.tenantId(caller, tenant));
	}

	@GetMapping("/{topic}/latency")
	LatencyQueries.LatencySeries latency(Caller caller, @PathVariable String topic,
			@RequestParam(required = false) @Nullable String tenant,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String resolution) {
		long tenantId = this.scope.tenantId(caller, tenant);
		long topicId = this.topics.topicId(tenantId, topic).orElseThrow(() -> ApiException.notFound("No such topic"));
		Instant end = (to != null) ? instant("to", to) : Instant.now();
		Instant start = (from != null) ? instant("from", from) : end.minus(Duration.ofDays(7));
		if (!start.isBefore(end)) {
			throw ApiException.unprocessable("from must be before to");
		}
		Duration span = Duration.between(start, end);
		if (span.compareTo(MAX_WINDOW) > 0) {
			throw ApiException.unprocessable("The window may be at most 365 days long");
		}
		return this.latency.series(tenantId, topicId, start, end, resolution(resolution, span));
	}

	@GetMapping("/{topic}/runs")
	List<TopicQueries.TopicRun> runs(Caller caller, @PathVariable String topic,
			@RequestParam(required = false) @Nullable String tenant, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(defaultValue = "0") int offset) {
		Paging.check(limit, offset);
		long tenantId = this.scope.tenantId(caller, tenant);
		long topicId = this.topics.topicId(tenantId, topic).orElseThrow(() -> ApiException.notFound("No such topic"));
		return this.topics.runs(tenantId, topicId, limit, offset);
	}

	private static Resolution resolution(@Nullable String requested, Duration span) {
		if (requested == null) {
			return Resolution.forSpan(span);
		}
		try {
			return Resolution.of(requested);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.unprocessable("resolution must be raw, hourly or daily");
		}
	}

	private static Instant instant(String name, String value) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiException.unprocessable(
					name + " must be an ISO-8601 date-time with an offset, such as" + " 2026-01-31T00:00:00Z");
		}
	}

}
