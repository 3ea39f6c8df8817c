package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;

/**
 * The configurations of the harness's own producer, consumer and admin client: the source
 * configuration (bootstrap servers, or an application's factory), filtered to what each
 * client knows, then Choreo's settings, the extra properties, the credentials, and the
 * settings no one may change (byte array serdes, no consumer group, no transactions,
 * Choreo's client ids).
 *
 * @param producer the producer configuration
 * @param consumer the consumer configuration
 * @param admin the admin client configuration
 * @param name the client id prefix and instance number, naming the transport's threads
 */
record ClientConfigs(Map<String, Object> producer, Map<String, Object> consumer, Map<String, Object> admin,
		String name) {

	/**
	 * The largest message the producer sends and the topics the transport creates take.
	 */
	static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

	/** How long the consumer's fetch waits for data, so new assignments start at once. */
	static final int FETCH_MAX_WAIT_MS = 20;

	private static final int RETRY_BACKOFF_MS = 20;

	private static final AtomicInteger instances = new AtomicInteger();

	private static final Set<String> ALWAYS_REMOVED = Set.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
			ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
			ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.GROUP_ID_CONFIG,
			ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, ConsumerConfig.GROUP_PROTOCOL_CONFIG,
			ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG, ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG,
			ProducerConfig.TRANSACTIONAL_ID_CONFIG, CommonClientConfigs.CLIENT_ID_CONFIG);

	private static final Set<String> PRODUCER = ProducerConfig.configNames();

	private static final Set<String> CONSUMER = ConsumerConfig.configNames();

	private static final Set<String> ADMIN = AdminClientConfig.configNames();

	private static final Set<String> KNOWN = known();

	private static Set<String> known() {
		Set<String> known = new HashSet<>(PRODUCER);
		known.addAll(CONSUMER);
		known.addAll(ADMIN);
		return Set.copyOf(known);
	}

	/**
	 * Build the three configurations.
	 * @param producerSource the producer's source configuration
	 * @param consumerSource the consumer's (and admin client's) source configuration
	 * @param settings the transport's settings
	 * @param extra the builder's extra properties
	 * @param security the properties the credentials translate to
	 * @return the configurations
	 */
	static ClientConfigs build(Map<String, Object> producerSource, Map<String, Object> consumerSource,
			KafkaSettings settings, Map<String, Object> extra, Map<String, Object> security) {
		int instance = instances.incrementAndGet();
		String prefix = settings.clientIdPrefix();
		Map<String, Object> producer = layer(PRODUCER, producerSource, producerSettings(settings), extra, security);
		producer.put(CommonClientConfigs.CLIENT_ID_CONFIG, prefix + "-producer-" + instance);
		Map<String, Object> consumer = layer(CONSUMER, consumerSource, consumerSettings(settings), extra, security);
		consumer.put(CommonClientConfigs.CLIENT_ID_CONFIG, prefix + "-consumer-" + instance);
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		Map<String, Object> admin = layer(ADMIN, consumerSource, adminSettings(settings), extra, security);
		admin.put(CommonClientConfigs.CLIENT_ID_CONFIG, prefix + "-admin-" + instance);
		return new ClientConfigs(producer, consumer, admin, prefix + "-" + instance);
	}

	private static Map<String, Object> layer(Set<String> own, Map<String, Object> source, Map<String, Object> choreo,
			Map<String, Object> extra, Map<String, Object> security) {
		Map<String, Object> config = new HashMap<>();
		for (Map<String, Object> layer : List.of(source, choreo, extra, security)) {
			layer.forEach((key, value) -> {
				if (own.contains(key) || !KNOWN.contains(key)) {
					config.put(key, value);
				}
			});
		}
		ALWAYS_REMOVED.forEach(config::remove);
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
				BootstrapServers.clientList(BootstrapServers.of(source)));
		return config;
	}

	private static Map<String, Object> producerSettings(KafkaSettings settings) {
		long timeout = settings.requestTimeout().toMillis();
		return Map.of(ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
				half(settings.requestTimeout()), ProducerConfig.MAX_BLOCK_MS_CONFIG,
				(long) half(settings.requestTimeout()), ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_MESSAGE_BYTES,
				ProducerConfig.RETRY_BACKOFF_MS_CONFIG, (long) RETRY_BACKOFF_MS);
	}

	/**
	 * The consumer's settings. It reads committed records only, so an expectation never
	 * matches a write its transaction aborted. Its positions are set explicitly (the end
	 * of a partition when subscribing, the beginning of a partition added later), so the
	 * reset policy applies only when a position falls outside the log: after the topic
	 * was deleted and created again, or retention removed records not yet read; then
	 * every record still there is newer than the subscription, so it starts from the
	 * earliest.
	 */
	private static Map<String, Object> consumerSettings(KafkaSettings settings) {
		return Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS,
				ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, half(settings.requestTimeout()),
				ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis(),
				ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false, ConsumerConfig.RETRY_BACKOFF_MS_CONFIG,
				(long) RETRY_BACKOFF_MS);
	}

	private static Map<String, Object> adminSettings(KafkaSettings settings) {
		return Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, half(settings.requestTimeout()),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis(),
				AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, (long) RETRY_BACKOFF_MS);
	}

	private static int half(Duration timeout) {
		return (int) Math.max(1, timeout.toMillis() / 2);
	}

	/**
	 * Return the isolation level the consumer reads with.
	 * @return the consumer's isolation level
	 */
	IsolationLevel isolationLevel() {
		Object level = this.consumer.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG);
		return (level != null && String.valueOf(level).trim().equalsIgnoreCase("read_committed"))
				? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED;
	}

	/**
	 * Drop every value, secrets included, once the clients are closed.
	 */
	void clear() {
		this.producer.clear();
		this.consumer.clear();
		this.admin.clear();
	}

	@Override
	public String toString() {
		return "ClientConfigs[" + this.name + "]";
	}

}
