package dev.choreo.chronicle.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.choreo.chronicle.ingest.IngestResult;
import dev.choreo.chronicle.ingest.IngestService;
import dev.choreo.chronicle.query.RunQueries;
import dev.choreo.chronicle.security.Caller;
import dev.choreo.chronicle.security.TenantNames;
import dev.choreo.chronicle.security.TokenScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Posting and reading runs.
 *
 * @author Choreo
 */
@RestController
@RequestMapping("/api/v1/runs")
class RunController {

	private final IngestService ingest;

	private final RunQueries runs;

	private final BodyReader bodies;

	private final TenantScope scope;

	private final JsonMapper mapper;

	RunController(IngestService ingest, RunQueries runs, BodyReader bodies, TenantScope scope, JsonMapper mapper) {
		this.mapper = mapper;
		this.ingest = ingest;
		this.runs = runs;
		this.bodies = bodies;
		this.scope = scope;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> post(Caller caller, HttpServletRequest request,
			@RequestHeader(name = "X-Chronicle-Tenant", required = false) @Nullable String tenantHeader,
			@RequestHeader(name = "X-Chronicle-Run", required = false) @Nullable String runKey,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey)
			throws IOException {
		checkIngest(caller, tenantHeader);
		byte[] body = this.bodies.read(request);
		IngestResult result = this.ingest.ingest(caller, body, runKey, idempotencyKey);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("run_id", result.runId());
		response.put("duplicate", result.duplicate());
		response.put("merged", result.merged());
		response.put("handles_ingested", result.handlesIngested());
		response.put("scenarios_ingested", result.scenariosIngested());
		response.put("warning", result.warning());
		HttpStatus status = result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED;
		return ResponseEntity.status(status).location(URI.create("/api/v1/runs/" + result.runId())).body(response);
	}

	private static void checkIngest(Caller caller, @Nullable String tenantHeader) {
		if (caller.isAdmin() || caller.scope() != TokenScope.INGEST) {
			throw ApiException.forbidden("Posting reports needs a tenant token with the ingest scope");
		}
		if (tenantHeader != null && !TenantNames.normalise(tenantHeader).equals(caller.tenant())) {
			throw ApiException.forbidden("The X-Chronicle-Tenant header names another tenant than the token's");
		}
	}

	@GetMapping
	List<RunQueries.RunSummary> list(Caller caller, @RequestParam(required = false) @Nullable String tenant,
			@RequestParam(required = false) @Nullable String environment,
			@RequestParam(required = false) @Nullable String branch, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(defaultValue = "0") int offset) {
		Paging.check(limit, offset);
		return this.runs.list(this.scope.tenantId(caller, tenant), environment, branch, limit, offset);
	}

	@GetMapping("/{id}")
	RunQueries.RunDetail get(Caller caller, @PathVariable long id,
			@RequestParam(required = false) @Nullable String tenant) {
		return this.runs.find(this.scope.tenantId(caller, tenant), id)
			.orElseThrow(() -> ApiException.notFound("No run " + id));
	}

	/**
	 * The stored report, or for a run merged from several shards {@code {"shards":
	 * [...]}} with every shard's report in the order they arrived. Written again through
	 * the HTML-safe mapper.
	 */
	@GetMapping(path = "/{id}/raw", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> raw(Caller caller, @PathVariable long id,
			@RequestParam(required = false) @Nullable String tenant) {
		List<String> reports = this.runs.rawReports(this.scope.tenantId(caller, tenant), id);
		if (reports.isEmpty()) {
			throw ApiException.notFound("No run " + id);
		}
		List<String> safe = reports.stream()
			.map((report) -> this.mapper.writeValueAsString(this.mapper.readTree(report)))
			.toList();
		String body = (safe.size() == 1) ? safe.get(0) : "{\"shards\":[" + String.join(",", safe) + "]}";
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
