package dev.choreo.chronicle.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.query.AnomalyQueries;
import dev.choreo.chronicle.security.Caller;
import dev.choreo.chronicle.security.TokenScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anomalies: listing, and resolving or reopening one.
 *
 * @author Choreo
 */
@RestController
@RequestMapping("/api/v1/anomalies")
class AnomalyController {

	private static final Set<String> SEVERITIES = Set.of("warning", "critical");

	private final AnomalyQueries anomalies;

	private final TenantScope scope;

	AnomalyController(AnomalyQueries anomalies, TenantScope scope) {
		this.anomalies = anomalies;
		this.scope = scope;
	}

	@GetMapping
	List<AnomalyQueries.AnomalyView> list(Caller caller, @RequestParam(required = false) @Nullable String tenant,
			@RequestParam(required = false) @Nullable String topic,
			@RequestParam(required = false) @Nullable String severity,
			@RequestParam(required = false) @Nullable Boolean resolved, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(defaultValue = "0") int offset) {
		Paging.check(limit, offset);
		String normalised = (severity != null) ? severity.toLowerCase(Locale.ROOT) : null;
		if (normalised != null && !SEVERITIES.contains(normalised)) {
			throw ApiException.unprocessable("severity must be warning or critical");
		}
		return this.anomalies.list(this.scope.tenantId(caller, tenant), topic, normalised, resolved, limit, offset);
	}

	@PatchMapping("/{id}")
	AnomalyQueries.AnomalyView patch(Caller caller, @PathVariable long id,
			@RequestParam(required = false) @Nullable String tenant, @RequestBody Resolution change) {
		if (caller.scope() == TokenScope.READ) {
			throw ApiException.forbidden("Resolving anomalies needs a token with the ingest scope");
		}
		if (change.resolved() == null) {
			throw ApiException.unprocessable("The body needs \"resolved\": true or false");
		}
		if (change.by() == null || change.by().isBlank()) {
			throw ApiException.unprocessable("The body needs \"by\": who resolves or reopens the anomaly");
		}
		return this.anomalies
			.resolve(this.scope.tenantId(caller, tenant), id, change.resolved(), limit(change.by()), limitNote(change))
			.orElseThrow(() -> ApiException.notFound("No anomaly " + id));
	}

	private static String limit(String text) {
		return (text.length() > 200) ? text.substring(0, 200) : text;
	}

	private static @Nullable String limitNote(Resolution change) {
		String note = change.note();
		return (note != null && note.length() > 2000) ? note.substring(0, 2000) : note;
	}

	/**
	 * The body of a PATCH.
	 *
	 * @param resolved whether the anomaly is resolved (false reopens it)
	 * @param by who does it
	 * @param note why
	 */
	record Resolution(@Nullable Boolean resolved, @Nullable String by, @Nullable String note) {
	}

}
