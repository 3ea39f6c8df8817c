package dev.choreo.chronicle.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.choreo.chronicle.ChronicleProperties;
import dev.choreo.chronicle.anomaly.AnomalyDetector;
import dev.choreo.chronicle.security.Caller;
import dev.choreo.chronicle.storage.PartitionMaintainer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingests one report: checks its version and its schema, stores it in one transaction
 * (run or merge into the run of the same run key, the report, scenarios, measurements,
 * topics, roll-ups, per-run topic statistics, a {@code run.completed} event), then runs
 * anomaly detection in a transaction of its own, whose failure is logged and never fails
 * the ingest.
 *
 * @author Choreo
 */
@Service
public class IngestService {

	private static final Logger logger = LoggerFactory.getLogger(IngestService.class);

	private final JsonMapper mapper;

	private final ReportSchema schema;

	private final ReportStore store;

	private final PartitionMaintainer partitions;

	private final TransactionTemplate transactions;

	private final AnomalyDetector anomalies;

	private final ChronicleProperties properties;

	private final Clock clock;

	IngestService(JsonMapper mapper, ReportSchema schema, ReportStore store, PartitionMaintainer partitions,
			TransactionTemplate transactions, AnomalyDetector anomalies, ChronicleProperties properties) {
		this.mapper = mapper;
		this.schema = schema;
		this.store = store;
		this.partitions = partitions;
		this.transactions = transactions;
		this.anomalies = anomalies;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Ingest a report.
	 * @param caller the tenant posting it
	 * @param body the report's JSON
	 * @param runKeyHeader the {@code X-Chronicle-Run} header, or {@code null}
	 * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
	 * @return what was stored
	 * @throws InvalidReportException when the body is not a valid report
	 */
	public IngestResult ingest(Caller caller, byte[] body, @Nullable String runKeyHeader,
			@Nullable String idempotencyKey) {
		JsonNode json = read(body);
		checkVersion(json);
		List<String> violations = this.schema.validate(json);
		if (!violations.isEmpty()) {
			throw new InvalidReportException(violations);
		}
		ParsedReport report = ReportParser.parse(json);
		String runKey = blankToNull((runKeyHeader != null) ? runKeyHeader : report.runKey());
		this.partitions.ensurePartition(report.startedAt());
		long tenantId = requireTenant(caller);
		IngestResult result = this.transactions.execute((status) -> this.store.store(tenantId, report, json, runKey,
				blankToNull(idempotencyKey), warning(report), status));
		if (result == null) {
			throw new IllegalStateException("The ingest transaction returned nothing");
		}
		if (!result.duplicate()) {
			detectAnomalies(result);
		}
		return result;
	}

	private void detectAnomalies(IngestResult result) {
		try {
			this.anomalies.detect(result.runId(), result.topicIds());
		}
		catch (RuntimeException ex) {
			logger.warn("Anomaly detection for run {} failed; the run is stored", result.runId(), ex);
		}
	}

	private JsonNode read(byte[] body) {
		try {
			JsonNode json = this.mapper.readTree(body);
			if (json == null || !json.isObject()) {
				throw new InvalidReportException(List.of("$: the body must be a JSON object"));
			}
			return json;
		}
		catch (JacksonException ex) {
			throw new InvalidReportException(
					List.of("$: the body is not valid JSON (" + ex.getOriginalMessage() + ")"));
		}
	}

	private static void checkVersion(JsonNode json) {
		JsonNode version = json.path("schema_version");
		if (!version.isString() || !version.asString().startsWith("1")) {
			throw new UnsupportedSchemaVersionException(
					version.isMissingNode() ? null : (version.isString() ? version.asString() : version.toString()));
		}
	}

	private static long requireTenant(Caller caller) {
		Long tenantId = caller.tenantId();
		if (tenantId == null) {
			throw new IllegalStateException("Reports are posted with a tenant token");
		}
		return tenantId;
	}

	private @Nullable String warning(ParsedReport report) {
		Duration age = Duration.between(report.startedAt(), Instant.now(this.clock));
		if (age.compareTo(this.properties.getStaleReportAge()) > 0) {
			return "The run started at " + report.startedAt() + ", " + age.toDays()
					+ " day(s) ago; its measurements are stored at that time";
		}
		return null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
