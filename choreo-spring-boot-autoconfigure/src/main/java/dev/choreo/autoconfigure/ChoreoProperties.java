package dev.choreo.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Configuration properties for Choreo, under {@code choreo.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("choreo")
public class ChoreoProperties {

	/**
	 * Timeout of awaitAll() when a scenario passes none.
	 */
	private Duration defaultTimeout = Duration.ofSeconds(5);

	/**
	 * How long expect() and on() wait for the broker to confirm a subscription.
	 */
	private Duration subscribeTimeout = Duration.ofSeconds(10);

	/**
	 * Whether an expectation that matched later than its latency budget (SLOW) fails
	 * assertPassed().
	 */
	private boolean slowFails = true;

	/**
	 * Whether passing scenarios keep their timeline too, not only failing ones.
	 */
	private boolean keepTimelines;

	/**
	 * Harness made primary when several brokers are in use: kafka, rabbit, nats, redis or
	 * stream.
	 */
	private @Nullable String defaultTransport;

	private final Correlation correlation = new Correlation();

	private final AwaitListeners awaitListeners = new AwaitListeners();

	private final Allowlist allowlist = new Allowlist();

	private final Report report = new Report();

	private final Metrics metrics = new Metrics();

	private final Kafka kafka = new Kafka();

	private final Rabbit rabbit = new Rabbit();

	private final Redis redis = new Redis();

	private final Nats nats = new Nats();

	private final Stream stream = new Stream();

	public Duration getDefaultTimeout() {
		return this.defaultTimeout;
	}

	public void setDefaultTimeout(Duration defaultTimeout) {
		this.defaultTimeout = defaultTimeout;
	}

	public Duration getSubscribeTimeout() {
		return this.subscribeTimeout;
	}

	public void setSubscribeTimeout(Duration subscribeTimeout) {
		this.subscribeTimeout = subscribeTimeout;
	}

	public boolean isSlowFails() {
		return this.slowFails;
	}

	public void setSlowFails(boolean slowFails) {
		this.slowFails = slowFails;
	}

	public boolean isKeepTimelines() {
		return this.keepTimelines;
	}

	public void setKeepTimelines(boolean keepTimelines) {
		this.keepTimelines = keepTimelines;
	}

	public @Nullable String getDefaultTransport() {
		return this.defaultTransport;
	}

	public void setDefaultTransport(@Nullable String defaultTransport) {
		this.defaultTransport = defaultTransport;
	}

	public Correlation getCorrelation() {
		return this.correlation;
	}

	public AwaitListeners getAwaitListeners() {
		return this.awaitListeners;
	}

	public Allowlist getAllowlist() {
		return this.allowlist;
	}

	public Report getReport() {
		return this.report;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Kafka getKafka() {
		return this.kafka;
	}

	public Rabbit getRabbit() {
		return this.rabbit;
	}

	public Redis getRedis() {
		return this.redis;
	}

	public Nats getNats() {
		return this.nats;
	}

	public Stream getStream() {
		return this.stream;
	}

	/**
	 * How scenarios keep their messages apart.
	 */
	public static class Correlation {

		/**
		 * Correlation policy: none (one scenario at a time), field (the id in a payload
		 * field), header (the id in a message header) or test-namespace (TEST- prefixed
		 * ids in a payload field).
		 */
		private Policy policy = Policy.NONE;

		/**
		 * Payload field that carries the correlation id (field and test-namespace
		 * policies).
		 */
		private String field = "correlation_id";

		/**
		 * Message header that carries the correlation id (header policy).
		 */
		private String header = "x-correlation-id";

		/**
		 * Prefix every correlation id must start with; empty for none (test-namespace
		 * always uses TEST-).
		 */
		private String prefix = "";

		/**
		 * What happens to a message that carries no correlation id under a correlating
		 * policy: ignore (it counts for no scenario, and a scenario that times out says
		 * that such messages arrived) or broadcast (every live scenario on its topic sees
		 * it).
		 */
		private Unidentified unidentified = Unidentified.IGNORE;

		public Policy getPolicy() {
			return this.policy;
		}

		public void setPolicy(Policy policy) {
			this.policy = policy;
		}

		public String getField() {
			return this.field;
		}

		public void setField(String field) {
			this.field = field;
		}

		public String getHeader() {
			return this.header;
		}

		public void setHeader(String header) {
			this.header = header;
		}

		public String getPrefix() {
			return this.prefix;
		}

		public void setPrefix(String prefix) {
			this.prefix = prefix;
		}

		public Unidentified getUnidentified() {
			return this.unidentified;
		}

		public void setUnidentified(Unidentified unidentified) {
			this.unidentified = unidentified;
		}

		/**
		 * Correlation policies.
		 */
		public enum Policy {

			/** No correlation: every scenario sees every message on its topics. */
			NONE,

			/** The id in a payload field. */
			FIELD,

			/** The id in a message header. */
			HEADER,

			/** TEST- prefixed ids in a payload field. */
			TEST_NAMESPACE

		}

		/**
		 * What happens to messages without a correlation id.
		 */
		public enum Unidentified {

			/** They count for no scenario; a timeout says they arrived. */
			IGNORE,

			/** Every live scenario on their topic sees them. */
			BROADCAST

		}

	}

	/**
	 * The wait for the application's own listeners before the first scenario of an
	 * application context, and again after the context was stopped and started (as
	 * Spring's test context cache does).
	 */
	public static class AwaitListeners {

		/**
		 * Whether the first scenario of a context waits until the application's listeners
		 * can receive: every running @KafkaListener and Kafka listener container has
		 * partitions assigned, every @RabbitListener and RabbitMQ listener container
		 * consumes, every Spring Cloud Stream consumer binding runs.
		 */
		private boolean enabled = true;

		/**
		 * How long the first scenario waits for the application's listeners before it
		 * fails, naming those that are not ready.
		 */
		private Duration timeout = Duration.ofSeconds(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Which broker endpoints tests may use. Loopback is allowed unless switched off;
	 * anything else must be listed here or in the file.
	 */
	public static class Allowlist {

		/**
		 * YAML allowlist file (categories nats_servers, kafka_brokers, amqp_brokers,
		 * redis_servers, each a list), read again at every connect. Overrides the inline
		 * lists.
		 */
		private @Nullable Resource file;

		/**
		 * Whether loopback endpoints (localhost, 127.0.0.0/8, ::1) are allowed without
		 * being listed.
		 */
		private boolean loopback = true;

		/**
		 * NATS servers tests may use, as URLs or host:port.
		 */
		private List<String> natsServers = new ArrayList<>();

		/**
		 * Kafka brokers tests may use, as host:port.
		 */
		private List<String> kafkaBrokers = new ArrayList<>();

		/**
		 * RabbitMQ brokers tests may use, as URLs or host:port.
		 */
		private List<String> amqpBrokers = new ArrayList<>();

		/**
		 * Redis servers tests may use, as URLs or host:port.
		 */
		private List<String> redisServers = new ArrayList<>();

		public @Nullable Resource getFile() {
			return this.file;
		}

		public void setFile(@Nullable Resource file) {
			this.file = file;
		}

		public boolean isLoopback() {
			return this.loopback;
		}

		public void setLoopback(boolean loopback) {
			this.loopback = loopback;
		}

		public List<String> getNatsServers() {
			return this.natsServers;
		}

		public void setNatsServers(List<String> natsServers) {
			this.natsServers = natsServers;
		}

		public List<String> getKafkaBrokers() {
			return this.kafkaBrokers;
		}

		public void setKafkaBrokers(List<String> kafkaBrokers) {
			this.kafkaBrokers = kafkaBrokers;
		}

		public List<String> getAmqpBrokers() {
			return this.amqpBrokers;
		}

		public void setAmqpBrokers(List<String> amqpBrokers) {
			this.amqpBrokers = amqpBrokers;
		}

		public List<String> getRedisServers() {
			return this.redisServers;
		}

		public void setRedisServers(List<String> redisServers) {
			this.redisServers = redisServers;
		}

	}

	/**
	 * The HTML and JSON test report.
	 */
	public static class Report {

		/**
		 * Whether to write the report (default true; the system property
		 * choreo.report.enabled is used when this is not set).
		 */
		private @Nullable Boolean enabled;

		/**
		 * Directory the report is written to (default target/choreo-report).
		 */
		private @Nullable Path directory;

		/**
		 * Project name shown in the report; defaults to the working directory's name.
		 */
		private @Nullable String projectName;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable Path directory) {
			this.directory = directory;
		}

		public @Nullable String getProjectName() {
			return this.projectName;
		}

		public void setProjectName(@Nullable String projectName) {
			this.projectName = projectName;
		}

	}

	/**
	 * Micrometer metrics of scenarios.
	 */
	public static class Metrics {

		/**
		 * Whether to record scenario metrics when a MeterRegistry is present.
		 */
		private boolean enabled = true;

		/**
		 * Most distinct topics tagged on metrics; later topics are tagged "other".
		 */
		private int maxTopics = 100;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxTopics() {
			return this.maxTopics;
		}

		public void setMaxTopics(int maxTopics) {
			this.maxTopics = maxTopics;
		}

	}

	/**
	 * The Kafka harness.
	 */
	public static class Kafka {

		/**
		 * Whether to create a Kafka harness when Kafka is configured.
		 */
		private boolean enabled = true;

		/**
		 * Whether topics a scenario expects on or replies to are created when missing. A
		 * publish never creates a topic.
		 */
		private boolean createTopics = true;

		/**
		 * Partition count of the topics the harness creates. Default: the cluster's
		 * num.partitions.
		 */
		private @Nullable Integer topicPartitions;

		/**
		 * Replication factor of the topics the harness creates. Default: the cluster's
		 * default.replication.factor.
		 */
		private @Nullable Short topicReplication;

		/**
		 * Prefix of the client ids of the harness's own Kafka clients.
		 */
		private String clientIdPrefix = "choreo";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isCreateTopics() {
			return this.createTopics;
		}

		public void setCreateTopics(boolean createTopics) {
			this.createTopics = createTopics;
		}

		public @Nullable Integer getTopicPartitions() {
			return this.topicPartitions;
		}

		public void setTopicPartitions(@Nullable Integer topicPartitions) {
			this.topicPartitions = topicPartitions;
		}

		public @Nullable Short getTopicReplication() {
			return this.topicReplication;
		}

		public void setTopicReplication(@Nullable Short topicReplication) {
			this.topicReplication = topicReplication;
		}

		public String getClientIdPrefix() {
			return this.clientIdPrefix;
		}

		public void setClientIdPrefix(String clientIdPrefix) {
			this.clientIdPrefix = clientIdPrefix;
		}

	}

	/**
	 * The RabbitMQ harness.
	 */
	public static class Rabbit {

		/**
		 * Whether to create a RabbitMQ harness when RabbitMQ is configured.
		 */
		private boolean enabled = true;

		/**
		 * Topic exchange whose routing keys are the harness's topics.
		 */
		private String exchange = "amq.topic";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getExchange() {
			return this.exchange;
		}

		public void setExchange(String exchange) {
			this.exchange = exchange;
		}

	}

	/**
	 * The Redis harness.
	 */
	public static class Redis {

		/**
		 * Whether to create a Redis harness when Redis is configured.
		 */
		private boolean enabled = true;

		/**
		 * What topics are: pub/sub channels (pubsub) or stream keys (streams).
		 */
		private Mode mode = Mode.PUBSUB;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Mode getMode() {
			return this.mode;
		}

		public void setMode(Mode mode) {
			this.mode = mode;
		}

		/**
		 * Redis messaging modes.
		 */
		public enum Mode {

			/** Topics are pub/sub channels. */
			PUBSUB,

			/** Topics are stream keys. */
			STREAMS

		}

	}

	/**
	 * The NATS harness and connection.
	 */
	public static class Nats {

		/**
		 * Whether to create a NATS harness when NATS is configured (a Connection bean,
		 * NATS connection details or choreo.nats.servers).
		 */
		private boolean enabled = true;

		/**
		 * NATS server URLs, such as nats://localhost:4222. Ignored when the application
		 * has a NATS Connection bean or NATS connection details from a service
		 * connection.
		 */
		private List<String> servers = new ArrayList<>();

		/**
		 * How long connecting may take.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * User name to authenticate with.
		 */
		private @Nullable String username;

		/**
		 * Password to authenticate with.
		 */
		private @Nullable String password;

		/**
		 * Token to authenticate with.
		 */
		private @Nullable String token;

		/**
		 * Name of an AuthResolver bean that supplies NATS credentials at every connect
		 * (instead of username, password or token).
		 */
		private @Nullable String authResolver;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getServers() {
			return this.servers;
		}

		public void setServers(List<String> servers) {
			this.servers = servers;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public @Nullable String getAuthResolver() {
			return this.authResolver;
		}

		public void setAuthResolver(@Nullable String authResolver) {
			this.authResolver = authResolver;
		}

	}

	/**
	 * The Spring Cloud Stream harness.
	 */
	public static class Stream {

		/**
		 * Whether to create a Spring Cloud Stream harness when StreamBridge is present.
		 */
		private boolean enabled = true;

		/**
		 * Binder the harness uses; the application's default binder when unset.
		 */
		private @Nullable String binder;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getBinder() {
			return this.binder;
		}

		public void setBinder(@Nullable String binder) {
			this.binder = binder;
		}

	}

}
