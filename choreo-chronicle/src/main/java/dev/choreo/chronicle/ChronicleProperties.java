package dev.choreo.chronicle;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Chronicle's settings, under {@code chronicle.*}.
 *
 * @author Choreo
 */
@ConfigurationProperties("chronicle")
public class ChronicleProperties {

	/**
	 * Where the embedded PostgreSQL keeps its data when no spring.datasource.url is set.
	 */
	private Path dataDir = Path.of(System.getProperty("user.home"), ".choreo", "chronicle");

	/**
	 * Deployment environment: local, dev, test, staging or production. In staging and
	 * production Chronicle refuses default database credentials.
	 */
	private @Nullable String environment;

	/**
	 * Largest report body POST /api/v1/runs accepts, chunked bodies included.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(20);

	/**
	 * How long raw measurements are kept; older monthly partitions are dropped, and
	 * hourly roll-ups older than this are deleted. Daily roll-ups are kept.
	 */
	private Duration retention = Duration.ofDays(400);

	/**
	 * A report whose run started longer ago than this is stored with a warning.
	 */
	private Duration staleReportAge = Duration.ofDays(1);

	/**
	 * Token for the admin API (creating tenant tokens). Unset: the admin API is off.
	 */
	private @Nullable String adminToken;

	private final Partitions partitions = new Partitions();

	private final Anomaly anomaly = new Anomaly();

	private final Sse sse = new Sse();

	private final Embedded embedded = new Embedded();

	public Path getDataDir() {
		return this.dataDir;
	}

	public void setDataDir(Path dataDir) {
		this.dataDir = dataDir;
	}

	public @Nullable String getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(@Nullable String environment) {
		this.environment = environment;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public Duration getStaleReportAge() {
		return this.staleReportAge;
	}

	public void setStaleReportAge(Duration staleReportAge) {
		this.staleReportAge = staleReportAge;
	}

	public @Nullable String getAdminToken() {
		return this.adminToken;
	}

	public void setAdminToken(@Nullable String adminToken) {
		this.adminToken = adminToken;
	}

	public Partitions getPartitions() {
		return this.partitions;
	}

	public Anomaly getAnomaly() {
		return this.anomaly;
	}

	public Sse getSse() {
		return this.sse;
	}

	public Embedded getEmbedded() {
		return this.embedded;
	}

	/**
	 * Monthly partitions of the measurements table.
	 */
	public static class Partitions {

		/**
		 * How many months ahead of the current one the maintainer keeps created.
		 */
		private int ahead = 3;

		/**
		 * How often the maintainer runs (it also runs at start-up).
		 */
		private Duration maintenanceInterval = Duration.ofHours(1);

		public int getAhead() {
			return this.ahead;
		}

		public void setAhead(int ahead) {
			this.ahead = ahead;
		}

		public Duration getMaintenanceInterval() {
			return this.maintenanceInterval;
		}

		public void setMaintenanceInterval(Duration maintenanceInterval) {
			this.maintenanceInterval = maintenanceInterval;
		}

	}

	/**
	 * Anomaly detection thresholds.
	 */
	public static class Anomaly {

		/**
		 * How many earlier runs of a topic form its baseline.
		 */
		private int baselineRuns = 10;

		/**
		 * Fewest earlier runs a baseline needs before the baseline rules judge a run.
		 */
		private int minSamples = 5;

		/**
		 * Standard deviations above the baseline mean for a warning.
		 */
		private double warningSigma = 2;

		/**
		 * Standard deviations above the baseline mean for a critical anomaly.
		 */
		private double criticalSigma = 3;

		/**
		 * Share of a topic's handles over budget, in percent, that raises a warning.
		 */
		private double budgetViolationPct = 20;

		/**
		 * Fall of a topic's pass rate below its baseline, in percentage points, that
		 * raises a warning (strictly more than this).
		 */
		private double outcomeShiftPct = 5;

		public int getBaselineRuns() {
			return this.baselineRuns;
		}

		public void setBaselineRuns(int baselineRuns) {
			this.baselineRuns = baselineRuns;
		}

		public int getMinSamples() {
			return this.minSamples;
		}

		public void setMinSamples(int minSamples) {
			this.minSamples = minSamples;
		}

		public double getWarningSigma() {
			return this.warningSigma;
		}

		public void setWarningSigma(double warningSigma) {
			this.warningSigma = warningSigma;
		}

		public double getCriticalSigma() {
			return this.criticalSigma;
		}

		public void setCriticalSigma(double criticalSigma) {
			this.criticalSigma = criticalSigma;
		}

		public double getBudgetViolationPct() {
			return this.budgetViolationPct;
		}

		public void setBudgetViolationPct(double budgetViolationPct) {
			this.budgetViolationPct = budgetViolationPct;
		}

		public double getOutcomeShiftPct() {
			return this.outcomeShiftPct;
		}

		public void setOutcomeShiftPct(double outcomeShiftPct) {
			this.outcomeShiftPct = outcomeShiftPct;
		}

	}

	/**
	 * Server-Sent Events.
	 */
	public static class Sse {

		/**
		 * Interval of the heartbeat comment.
		 */
		private Duration heartbeat = Duration.ofSeconds(30);

		/**
		 * Most concurrent SSE connections per instance; more are refused with 503.
		 */
		private int maxConnections = 100;

		/**
		 * Most events replayed after a Last-Event-ID.
		 */
		private int replayLimit = 1000;

		/**
		 * How long one SSE connection stays open; the client reconnects with
		 * Last-Event-ID.
		 */
		private Duration timeout = Duration.ofMinutes(30);

		/**
		 * How long events are kept for replay.
		 */
		private Duration eventRetention = Duration.ofDays(7);

		public Duration getHeartbeat() {
			return this.heartbeat;
		}

		public void setHeartbeat(Duration heartbeat) {
			this.heartbeat = heartbeat;
		}

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public int getReplayLimit() {
			return this.replayLimit;
		}

		public void setReplayLimit(int replayLimit) {
			this.replayLimit = replayLimit;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getEventRetention() {
			return this.eventRetention;
		}

		public void setEventRetention(Duration eventRetention) {
			this.eventRetention = eventRetention;
		}

	}

	/**
	 * The embedded PostgreSQL used when no spring.datasource.url is set.
	 */
	public static class Embedded {

		/**
		 * Port of the embedded PostgreSQL; 0 picks a free one.
		 */
		private int port;

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

	}

}
