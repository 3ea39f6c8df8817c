package dev.choreo.chronicle.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.choreo.chronicle.query.AnomalyQueries;
import dev.choreo.chronicle.query.LatencyQueries;
import dev.choreo.chronicle.query.Resolution;
import dev.choreo.chronicle.query.RunQueries;
import dev.choreo.chronicle.query.TopicQueries;
import dev.choreo.chronicle.security.Caller;
import dev.choreo.chronicle.security.TokenScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's pages. Every page reads the signed-in tenant only, through the same
 * query services as the API; chart data goes to the page in
 * {@code <script type="application/json">} blocks that the page's script reads.
 *
 * @author Choreo
 */
@Controller
class DashboardController {

	private static final int RUN_LIMIT = 200;

	private static final int SPARKLINE_RUNS = 20;

	private static final List<Integer> WINDOWS = List.of(1, 7, 30, 90, 365);

	private final DashboardAccess access;

	private final RunQueries runs;

	private final TopicQueries topics;

	private final LatencyQueries latency;

	private final AnomalyQueries anomalies;

	private final DashboardQueries queries;

	private final JsonMapper json;

	DashboardController(DashboardAccess access, RunQueries runs, TopicQueries topics, LatencyQueries latency,
			AnomalyQueries anomalies, DashboardQueries queries, JsonMapper json) {
		this.access = access;
		this.runs = runs;
		this.topics = topics;
		this.latency = latency;
		this.anomalies = anomalies;
		this.queries = queries;
		this.json = json;
	}

	@GetMapping({ "/", "/runs" })
	String runs(HttpServletRequest request, Model model, @RequestParam(required = false) @Nullable String branch,
			@RequestParam(required = false) @Nullable String environment) {
		long tenantId = page(request, model, "runs");
		String branchFilter = blankToNull(branch);
		String environmentFilter = blankToNull(environment);
		List<RunQueries.RunSummary> list = this.runs.list(tenantId, environmentFilter, branchFilter, RUN_LIMIT, 0);
		model.addAttribute("runs", list);
		model.addAttribute("branches", this.queries.branches(tenantId));
		model.addAttribute("environments", this.queries.environments(tenantId));
		model.addAttribute("branch", branchFilter);
		model.addAttribute("environment", environmentFilter);
		ObjectNode chart = this.json.createObjectNode();
		ArrayNode time = chart.putArray("time");
		ArrayNode passRate = chart.putArray("pass_rate");
		ArrayNode failures = chart.putArray("failures");
		ArrayNode duration = chart.putArray("duration_s");
		ArrayNode ids = chart.putArray("run_ids");
		for (RunQueries.RunSummary run : oldestFirst(list)) {
			Map<String, Integer> totals = run.totals();
			int total = totals.getOrDefault("total", 0);
			int skipped = totals.getOrDefault("skipped", 0);
			int passed = totals.getOrDefault("passed", 0);
			time.add(run.startedAt().toEpochSecond());
			if (total - skipped > 0) {
				passRate.add(100.0 * passed / (total - skipped));
			}
			else {
				passRate.addNull();
			}
			failures.add(totals.getOrDefault("failed", 0) + totals.getOrDefault("errored", 0));
			duration.add(run.durationMs() / 1000);
			ids.add(run.id());
		}
		model.addAttribute("chartJson", embed(chart));
		return "dashboard/runs";
	}

	@GetMapping("/runs/{id}")
	String run(HttpServletRequest request, Model model, @PathVariable long id) {
		long tenantId = page(request, model, "runs");
		RunQueries.RunDetail detail = this.runs.find(tenantId, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No run " + id));
		model.addAttribute("run", detail.run());
		model.addAttribute("runTopics", detail.topics());
		model.addAttribute("reportJson", embed(report(this.runs.rawReports(tenantId, id))));
		return "dashboard/run";
	}

	/**
	 * One report for the report's page script: a run of several shards shows every
	 * shard's tests under the first shard's run section.
	 */
	private JsonNode report(List<String> reports) {
		if (reports.size() == 1) {
			return this.json.readTree(reports.get(0));
		}
		ObjectNode merged = this.json.createObjectNode();
		ArrayNode tests = merged.putArray("tests");
		for (String text : reports) {
			JsonNode report = this.json.readTree(text);
			if (!merged.has("run")) {
				merged.set("run", report.path("run"));
			}
			report.path("tests").forEach(tests::add);
		}
		return merged;
	}

	@GetMapping("/topics")
	String topics(HttpServletRequest request, Model model) {
		long tenantId = page(request, model, "topics");
		List<TopicQueries.TopicSummary> list = this.topics.list(tenantId);
		ObjectNode sparklines = this.json.createObjectNode();
		for (TopicQueries.TopicSummary topic : list) {
			long topicId = this.topics.topicId(tenantId, topic.topic()).orElseThrow();
			ArrayNode points = sparklines.putArray(topic.topic());
			for (TopicQueries.TopicRun run : oldestFirst(this.topics.runs(tenantId, topicId, SPARKLINE_RUNS, 0))) {
				ArrayNode point = points.addArray();
				point.add(run.startedAt().toEpochSecond());
				if (run.p95Ms() != null) {
					point.add(run.p95Ms());
				}
				else {
					point.addNull();
				}
			}
		}
		model.addAttribute("topics", list);
		model.addAttribute("sparklineJson", embed(sparklines));
		return "dashboard/topics";
	}

	@GetMapping("/topics/{*topic}")
	String topic(HttpServletRequest request, Model model, @PathVariable String topic,
			@RequestParam(defaultValue = "7") int days) {
		long tenantId = page(request, model, "topics");
		String name = topic.startsWith("/") ? topic.substring(1) : topic;
		long topicId = this.topics.topicId(tenantId, name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such topic"));
		int window = window(days);
		LatencyQueries.LatencySeries series = series(tenantId, topicId, window);
		Double budget = this.queries.budgetMs(tenantId, topicId);
		model.addAttribute("topic", name);
		model.addAttribute("days", window);
		model.addAttribute("windows", WINDOWS);
		model.addAttribute("series", series);
		model.addAttribute("budgetMs", budget);
		model.addAttribute("topicRuns", this.topics.runs(tenantId, topicId, 50, 0));
		model.addAttribute("anomalies", this.anomalies.list(tenantId, name, null, null, 50, 0));
		ObjectNode chart = this.json.createObjectNode();
		chart.put("resolution", series.resolution().value());
		if (budget != null) {
			chart.put("budget_ms", budget);
		}
		ArrayNode time = chart.putArray("time");
		ArrayNode p50 = chart.putArray("p50");
		ArrayNode p95 = chart.putArray("p95");
		ArrayNode p99 = chart.putArray("p99");
		for (LatencyQueries.LatencyPoint point : series.points()) {
			time.add(point.time().toEpochSecond());
			add(p50, point.p50Ms());
			add(p95, point.p95Ms());
			add(p99, point.p99Ms());
		}
		model.addAttribute("chartJson", embed(chart));
		return "dashboard/topic";
	}

	@GetMapping("/compare")
	String compare(HttpServletRequest request, Model model,
			@RequestParam(name = "topic", required = false) @Nullable List<String> chosen,
			@RequestParam(defaultValue = "95") int percentile, @RequestParam(defaultValue = "7") int days) {
		long tenantId = page(request, model, "compare");
		int window = window(days);
		int p = List.of(50, 95, 99).contains(percentile) ? percentile : 95;
		List<String> names = (chosen != null) ? chosen.stream().distinct().toList() : List.of();
		Map<String, LatencyQueries.LatencySeries> all = new LinkedHashMap<>();
		for (String name : names) {
			this.topics.topicId(tenantId, name).ifPresent((id) -> all.put(name, series(tenantId, id, window)));
		}
		TreeSet<Long> times = new TreeSet<>();
		all.values().forEach((series) -> series.points().forEach((point) -> times.add(point.time().toEpochSecond())));
		List<Long> axis = new ArrayList<>(times);
		ObjectNode chart = this.json.createObjectNode();
		chart.put("percentile", p);
		ArrayNode time = chart.putArray("time");
		axis.forEach(time::add);
		ArrayNode lines = chart.putArray("series");
		all.forEach((name, series) -> {
			ObjectNode line = lines.addObject();
			line.put("topic", name);
			ArrayNode values = line.putArray("values");
			Map<Long, @Nullable Double> byTime = new LinkedHashMap<>();
			series.points().forEach((point) -> byTime.put(point.time().toEpochSecond(), percentile(point, p)));
			axis.forEach((t) -> add(values, byTime.get(t)));
		});
		model.addAttribute("allTopics",
				this.topics.list(tenantId).stream().map(TopicQueries.TopicSummary::topic).toList());
		model.addAttribute("chosen", List.copyOf(all.keySet()));
		model.addAttribute("percentile", p);
		model.addAttribute("days", window);
		model.addAttribute("windows", WINDOWS);
		model.addAttribute("chartJson", embed(chart));
		return "dashboard/compare";
	}

	@GetMapping("/anomalies")
	String anomalies(HttpServletRequest request, Model model, @RequestParam(required = false) @Nullable String topic,
			@RequestParam(required = false) @Nullable String severity,
			@RequestParam(defaultValue = "open") String status) {
		long tenantId = page(request, model, "anomalies");
		String severityFilter = ("warning".equals(severity) || "critical".equals(severity)) ? severity : null;
		Boolean resolved = switch (status) {
			case "resolved" -> Boolean.TRUE;
			case "all" -> null;
			default -> Boolean.FALSE;
		};
		model.addAttribute("anomalies",
				this.anomalies.list(tenantId, blankToNull(topic), severityFilter, resolved, 200, 0));
		model.addAttribute("allTopics",
				this.topics.list(tenantId).stream().map(TopicQueries.TopicSummary::topic).toList());
		model.addAttribute("topic", blankToNull(topic));
		model.addAttribute("severity", severityFilter);
		model.addAttribute("status", (resolved == null) ? "all" : (resolved ? "resolved" : "open"));
		model.addAttribute("formToken", this.access.formToken(request));
		return "dashboard/anomalies";
	}

	@PostMapping("/anomalies/{id}/resolve")
	String resolve(HttpServletRequest request, @PathVariable long id, @RequestParam(name = "_form") String formToken,
			@RequestParam String by, @RequestParam(required = false) @Nullable String note,
			@RequestParam(defaultValue = "true") boolean resolved, RedirectAttributes redirect) {
		Caller caller = this.access.caller(request);
		if (!this.access.validFormToken(request, formToken)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The form has expired; reload the page");
		}
		if (caller.scope() != TokenScope.INGEST) {
			redirect.addFlashAttribute("message",
					"Resolving anomalies needs a token with the ingest scope; this session has a read token.");
			return "redirect:/anomalies";
		}
		if (by.isBlank()) {
			redirect.addFlashAttribute("message", "Say who resolves the anomaly.");
			return "redirect:/anomalies";
		}
		String reason = (note != null && !note.isBlank()) ? limit(note.strip(), 2000) : null;
		boolean found = this.anomalies.resolve(tenant(caller), id, resolved, limit(by.strip(), 200), reason)
			.isPresent();
		redirect.addFlashAttribute("message",
				found ? ("Anomaly " + id + (resolved ? " resolved." : " reopened.")) : ("No anomaly " + id + "."));
		return "redirect:/anomalies";
	}

	private long page(HttpServletRequest request, Model model, String active) {
		Caller caller = this.access.caller(request);
		model.addAttribute("tenant", caller.tenant());
		model.addAttribute("canWrite", caller.scope() == TokenScope.INGEST);
		model.addAttribute("signedIn", this.access.signedIn(request));
		model.addAttribute("active", active);
		return tenant(caller);
	}

	private static long tenant(Caller caller) {
		Long id = caller.tenantId();
		if (id == null) {
			throw new DashboardAccess.SignInRequiredException();
		}
		return id;
	}

	private LatencyQueries.LatencySeries series(long tenantId, long topicId, int days) {
		Instant to = Instant.now();
		Instant from = to.minus(Duration.ofDays(days));
		return this.latency.series(tenantId, topicId, from, to, Resolution.forSpan(Duration.ofDays(days)));
	}

	private static <T> List<T> oldestFirst(List<T> newestFirst) {
		List<T> copy = new ArrayList<>(newestFirst);
		Collections.reverse(copy);
		return copy;
	}

	private static int window(int days) {
		return WINDOWS.contains(days) ? days : 7;
	}

	private static @Nullable Double percentile(LatencyQueries.LatencyPoint point, int p) {
		return switch (p) {
			case 50 -> point.p50Ms();
			case 99 -> point.p99Ms();
			default -> point.p95Ms();
		};
	}

	private static void add(ArrayNode array, @Nullable Double value) {
		if (value != null) {
			array.add(value);
		}
		else {
			array.addNull();
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String limit(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	/**
	 * JSON for a {@code <script type="application/json">} element: {@code <}, {@code >}
	 * and {@code &} escaped so no value can close the element.
	 */
	private String embed(JsonNode node) {
		String text = this.json.writeValueAsString(node);
		StringBuilder out = new StringBuilder(text.length() + 32);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("\\u003c");
				case '>' -> out.append("\\u003e");
				case '&' -> out.append("\\u0026");
				case '\u2028' -> out.append("\\u2028");
				case '\u2029' -> out.append("\\u2029");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
