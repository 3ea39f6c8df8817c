package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.choreo.auth.Auth;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.KafkaAuth;
import dev.choreo.transport.Endpoint;
import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.InboundHandler;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.SafeUrl;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportCapabilities;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * A transport over Kafka, built on spring-kafka: topics are Kafka topics, and keys and
 * headers travel both ways. <pre class="code">
 * Transport kafka = KafkaTransport.builder("127.0.0.1:9092")
 *     .auth(AuthResolver.from(() -&gt; KafkaAuth.saslPlain("choreo", System.getenv("KAFKA_PASSWORD"))))
 *     .build();
 * </pre> or, over an application's configuration (its beans are never changed):
 * <pre class="code">
 * Transport kafka = KafkaTransport.builder(kafkaTemplate).build();
 * </pre>
 * <p>
 * The transport runs its own clients with byte array serializers: a producer that sends
 * at once ({@code linger.ms=0}) and reports a message sent only when every in-sync
 * replica acknowledged it ({@code acks=all}), an admin client, and one long-lived
 * consumer that never joins a consumer group. Subscribing assigns the topic's partitions
 * to that consumer and positions them at their end before the subscription completes, so
 * a message published afterwards is always delivered, and a new expectation costs
 * milliseconds rather than a rebalance. The consumer reads committed records only
 * ({@code isolation.level=read_committed}), so an expectation never matches a write whose
 * transaction was aborted. Partitions added to a topic later are assigned from their
 * beginning, and a topic deleted and created again is read from the beginning of its new
 * partitions. Order holds per partition.
 * <p>
 * Topics are described before anything else, so a principal that may only read, write and
 * describe a topic (as on a cluster with ACLs) never sends a request it may not. A topic
 * an expectation or a reply listens to that does not exist is created, with the cluster's
 * default partition count and replication factor unless
 * {@link Builder#topicPartitions(int)} and {@link Builder#topicReplication(short)} say
 * otherwise, unless {@link Builder#createMissingTopics(boolean) turned off}. A publish
 * never creates a topic: publishing to a topic that does not exist fails at once with an
 * error that names it (the first publish to each topic describes it; topics known to
 * exist are remembered). Topics the transport creates, and its producer, take messages up
 * to 8 MiB.
 * <p>
 * Header values and keys are UTF-8 text. A binary value (one that is not valid UTF-8,
 * such as spring-kafka's {@code kafka_correlationId}) arrives as {@code base64:} followed
 * by its Base64, and an outbound value of that form is sent as the decoded bytes, so a
 * binary header survives a round trip. An inbound message's reply address is its
 * {@code kafka_replyTopic} header, and a reply carries the request's
 * {@code kafka_correlationId} (and the partition asked for in
 * {@code kafka_replyPartition}), so a scenario can answer a
 * {@code ReplyingKafkaTemplate}. On an outbound message, a {@code kafka_partitionId}
 * header chooses the partition instead of travelling as a header.
 * <p>
 * The Kafka clients reconnect on their own; the transport watches the cluster and tells
 * running scenarios when the brokers are gone and when they are back. It counts as
 * connected while the watcher's last probe of the cluster (every half second) succeeded
 * and its consumer loop runs: a loop that fails (an {@link Error} escaping a handler)
 * reports the connection lost, restarts with a new consumer positioned where the old one
 * stopped, and reports it back.
 *
 * @since 0.1.0
 */
public final class KafkaTransport implements Transport {

	private static final TransportCapabilities CAPABILITIES = new TransportCapabilities(true, true, false, true, true,
			true);

	private final Supplier<Map<String, Object>> producerSource;

	private final Supplier<Map<String, Object>> consumerSource;

	private final KafkaSettings settings;

	private final Map<String, Object> clientProperties;

	private final @Nullable AuthResolver<?> auth;

	private final Object lifecycle = new Object();

	private volatile @Nullable KafkaClients clients;

	private KafkaTransport(Builder builder) {
		this.producerSource = builder.producerSource;
		this.consumerSource = builder.consumerSource;
		this.settings = new KafkaSettings(builder.connectTimeout, builder.requestTimeout, builder.createMissingTopics,
				builder.topicPartitions, builder.topicReplication, builder.clientIdPrefix);
		this.clientProperties = Map.copyOf(builder.clientProperties);
		this.auth = builder.auth;
	}

	/**
	 * Start building a transport that connects to Kafka brokers.
	 * @param bootstrapServers a comma-separated list of {@code host:port} entries, each
	 * optionally prefixed with {@code kafka://}
	 * @return the builder
	 * @throws IllegalArgumentException if the list names no server
	 */
	public static Builder builder(String bootstrapServers) {
		Objects.requireNonNull(bootstrapServers, "bootstrapServers");
		List<String> entries = BootstrapServers.split(bootstrapServers);
		if (entries.isEmpty()) {
			throw new IllegalArgumentException(
					"Kafka needs at least one bootstrap server, such as 127.0.0.1:9092; got '" + bootstrapServers
							+ "'");
		}
		Map<String, Object> source = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", entries));
		return new Builder(() -> source, () -> source);
	}

	/**
	 * Start building a transport over the configuration of an application's template's
	 * producer factory, used for every client.
	 * @param template the template, left unchanged
	 * @return the builder
	 */
	public static Builder builder(KafkaTemplate<?, ?> template) {
		Objects.requireNonNull(template, "template");
		return builder(template.getProducerFactory());
	}

	/**
	 * Start building a transport over the configuration of an application's producer
	 * factory, used for every client.
	 * @param producerFactory the factory, left unchanged
	 * @return the builder
	 */
	public static Builder builder(ProducerFactory<?, ?> producerFactory) {
		Supplier<Map<String, Object>> source = ClientSources.of(producerFactory);
		return new Builder(source, source);
	}

	/**
	 * Start building a transport over the configuration of an application's consumer
	 * factory, used for every client.
	 * @param consumerFactory the factory, left unchanged
	 * @return the builder
	 */
	public static Builder builder(ConsumerFactory<?, ?> consumerFactory) {
		Supplier<Map<String, Object>> source = ClientSources.of(consumerFactory);
		return new Builder(source, source);
	}

	/**
	 * Start building a transport over the configurations of an application's factories:
	 * the producer's for the harness's producer, the consumer's for its consumer and
	 * admin client.
	 * @param producerFactory the producer factory, left unchanged
	 * @param consumerFactory the consumer factory, left unchanged
	 * @return the builder
	 */
	public static Builder builder(ProducerFactory<?, ?> producerFactory, ConsumerFactory<?, ?> consumerFactory) {
		return new Builder(ClientSources.of(producerFactory), ClientSources.of(consumerFactory));
	}

	@Override
	public String name() {
		return "kafka";
	}

	@Override
	public List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (String server : servers()) {
			endpoints.add(new Endpoint(EndpointCategory.KAFKA, server));
		}
		return endpoints;
	}

	private List<String> servers() {
		Set<String> servers = new LinkedHashSet<>(BootstrapServers.of(this.consumerSource.get()));
		servers.addAll(BootstrapServers.of(this.producerSource.get()));
		return List.copyOf(servers);
	}

	private String safeServers() {
		return BootstrapServers.describe(servers());
	}

	@Override
	public void connect(TransportListener listener) {
		Objects.requireNonNull(listener, "listener");
		synchronized (this.lifecycle) {
			if (this.clients != null) {
				return;
			}
			Map<String, Object> security = (this.auth != null)
					? KafkaCredentials
						.properties(Auth.resolve(this.auth, KafkaAuth.class, name(), this.settings.connectTimeout()))
					: Map.of();
			ClientConfigs configs = ClientConfigs.build(this.producerSource.get(), this.consumerSource.get(),
					this.settings, this.clientProperties, security);
			try {
				this.clients = KafkaClients.open(configs, this.settings, safeServers(), listener);
			}
			catch (RuntimeException ex) {
				configs.clear();
				throw ex;
			}
		}
	}

	/**
	 * Return whether the transport is connected: connected and not closed, the cluster
	 * watcher's last probe succeeded, and the consumer loop runs.
	 * @return whether the transport is connected
	 */
	@Override
	public boolean isConnected() {
		KafkaClients current = this.clients;
		return current != null && current.isUp();
	}

	@Override
	public CompletionStage<Subscription> subscribe(String topic, InboundHandler handler) {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(handler, "handler");
		KafkaClients clients = this.clients;
		if (clients == null) {
			return CompletableFuture.failedFuture(KafkaFailures.notConnected("subscribe to '" + topic + "'"));
		}
		return clients.subscriptions.subscribe(topic, handler);
	}

	@Override
	public void publish(TransportMessage message, PublishCallback callback) {
		KafkaClients clients = this.clients;
		if (clients == null) {
			throw KafkaFailures.notConnected("publish to '" + message.topic() + "'");
		}
		OnceCallback outcome = new OnceCallback(callback);
		String topic = message.topic();
		try {
			clients.topics.forPublish(topic)
				.get(this.settings.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
			ProducerRecord<byte[], byte[]> record = KafkaRecords.toRecord(message);
			clients.producer.send(record, (metadata, failure) -> {
				if (failure == null) {
					outcome.sent();
				}
				else {
					clients.topics.forget(topic);
					outcome.failed(publishFailure(clients, topic, failure));
				}
			});
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			outcome.failed(new TransportException("Interrupted while publishing to Kafka topic '" + topic + "'"));
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			outcome.failed(publishFailure(clients, topic, ex));
		}
	}

	private TransportException publishFailure(KafkaClients clients, String topic, Throwable failure) {
		return KafkaFailures.publish(topic, clients.servers, this.settings.requestTimeout(), failure);
	}

	@Override
	public TransportCapabilities capabilities() {
		return CAPABILITIES;
	}

	/**
	 * Return the headers a reply to a request from a {@code ReplyingKafkaTemplate} needs:
	 * the request's {@code kafka_correlationId}, and the partition its
	 * {@code kafka_replyPartition} asks for, as {@code kafka_partitionId}.
	 * @param trigger the request
	 * @return the headers, empty for a message that is no such request
	 */
	@Override
	public Map<String, String> replyHeaders(TransportMessage trigger) {
		return KafkaRecords.replyHeaders(trigger);
	}

	@Override
	public void close() {
		synchronized (this.lifecycle) {
			KafkaClients clients = this.clients;
			this.clients = null;
			if (clients != null) {
				clients.close();
			}
		}
	}

	/**
	 * Return the partitions the consumer is assigned, for tests.
	 */
	Set<TopicPartition> assignment() {
		KafkaClients clients = this.clients;
		return (clients != null) ? clients.assignment() : Set.of();
	}

	@Override
	public String toString() {
		return "KafkaTransport[servers=" + safeServers() + ", connected=" + isConnected() + "]";
	}

	/**
	 * Builds a {@link KafkaTransport}.
	 */
	public static final class Builder {

		private final Supplier<Map<String, Object>> producerSource;

		private final Supplier<Map<String, Object>> consumerSource;

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration requestTimeout = Duration.ofSeconds(10);

		private boolean createMissingTopics = true;

		private @Nullable Integer topicPartitions;

		private @Nullable Short topicReplication;

		private String clientIdPrefix = "choreo";

		private Map<String, Object> clientProperties = Map.of();

		private @Nullable AuthResolver<?> auth;

		private Builder(Supplier<Map<String, Object>> producerSource, Supplier<Map<String, Object>> consumerSource) {
			this.producerSource = producerSource;
			this.consumerSource = consumerSource;
		}

		/**
		 * Set how long connecting may take, checking that the cluster answers (default 10
		 * seconds).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = positive(timeout, "connectTimeout");
			return this;
		}

		/**
		 * Set how long a subscription (describing or creating the topic, positioning the
		 * consumer) and a publish (until the broker acknowledged it) may take (default 10
		 * seconds).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder requestTimeout(Duration timeout) {
			this.requestTimeout = positive(timeout, "requestTimeout");
			return this;
		}

		/**
		 * Set whether a topic an expectation or a reply listens to is created when it
		 * does not exist (default {@code true}). A publish never creates a topic.
		 * @param create whether to create missing topics
		 * @return this builder
		 */
		public Builder createMissingTopics(boolean create) {
			this.createMissingTopics = create;
			return this;
		}

		/**
		 * Set the partition count of the topics the transport creates (default: the
		 * cluster's {@code num.partitions}).
		 * @param partitions the partition count
		 * @return this builder
		 */
		public Builder topicPartitions(int partitions) {
			if (partitions < 1) {
				throw new IllegalArgumentException("topicPartitions must be at least 1, got " + partitions);
			}
			this.topicPartitions = partitions;
			return this;
		}

		/**
		 * Set the replication factor of the topics the transport creates (default: the
		 * cluster's {@code default.replication.factor}, which a managed cluster's topic
		 * policy expects).
		 * @param replication the replication factor
		 * @return this builder
		 */
		public Builder topicReplication(short replication) {
			if (replication < 1) {
				throw new IllegalArgumentException("topicReplication must be at least 1, got " + replication);
			}
			this.topicReplication = replication;
			return this;
		}

		/**
		 * Set the prefix of the clients' ids (default {@code choreo}), as in
		 * {@code choreo-producer-1}.
		 * @param prefix the prefix
		 * @return this builder
		 */
		public Builder clientIdPrefix(String prefix) {
			Objects.requireNonNull(prefix, "prefix");
			if (prefix.isBlank()) {
				throw new IllegalArgumentException("clientIdPrefix must not be blank");
			}
			this.clientIdPrefix = prefix;
			return this;
		}

		/**
		 * Add Kafka client properties, applied to each client that knows them after the
		 * transport's own settings (so {@code linger.ms} or {@code acks} can be changed),
		 * but never to serializers, deserializers, consumer groups, transactions or
		 * client ids.
		 * @param properties the properties
		 * @return this builder
		 */
		public Builder clientProperties(Map<String, ?> properties) {
			Objects.requireNonNull(properties, "properties");
			this.clientProperties = Map.copyOf(properties);
			return this;
		}

		/**
		 * Set the credentials, resolved at every connect and cleared once the clients'
		 * configuration has them. Unlike the other transports, the Kafka transport does
		 * not resolve them again when its clients reconnect to a broker: the producer,
		 * consumer and admin client keep the SASL settings of the connect for every
		 * connection they make, including after a broker comes back. A password or token
		 * rotated while connected therefore takes effect only at the next
		 * {@code connect()} (close and connect the harness, or stop and start the test
		 * context).
		 * @param auth a resolver of {@link KafkaAuth} credentials
		 * @return this builder
		 */
		public Builder auth(AuthResolver<?> auth) {
			this.auth = Objects.requireNonNull(auth, "auth");
			return this;
		}

		/**
		 * Build the transport.
		 * @return the transport
		 * @throws dev.choreo.auth.ConflictingAuthException if a bootstrap server carries
		 * credentials and {@link #auth(AuthResolver)} was set too
		 * @throws IllegalArgumentException if a bootstrap server carries credentials
		 */
		public KafkaTransport build() {
			for (String server : BootstrapServers.of(this.consumerSource.get())) {
				checkNoCredentials(server);
			}
			for (String server : BootstrapServers.of(this.producerSource.get())) {
				checkNoCredentials(server);
			}
			return new KafkaTransport(this);
		}

		private void checkNoCredentials(String server) {
			Auth.checkNoConflict(server, this.auth, "Kafka");
			if (BootstrapServers.hasUserInfo(server)) {
				throw new IllegalArgumentException("Kafka takes credentials through auth(...), not in a bootstrap"
						+ " server: " + SafeUrl.redact(server));
			}
		}

		private static Duration positive(Duration timeout, String name) {
			Objects.requireNonNull(timeout, name);
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, got " + timeout);
			}
			return timeout;
		}

	}

}
