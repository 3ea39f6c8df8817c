package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * The clients of one connection: an admin client (topics and the cluster watcher), a
 * producer, and the one consumer with its loop. Opening checks that the cluster answers;
 * closing stops every thread they started. The connection counts as up while the cluster
 * watcher's last probe succeeded and the consumer loop runs.
 */
final class KafkaClients {

	private static final Logger logger = LoggerFactory.getLogger(KafkaTransport.class);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(2);

	final Admin admin;

	final DefaultKafkaProducerFactory<byte[], byte[]> producerFactory;

	final Producer<byte[], byte[]> producer;

	final TopicAdmin topics;

	final Subscriptions subscriptions;

	/** The bootstrap servers, credentials redacted, for messages. */
	final String servers;

	private final ConsumerLoop loop;

	private final ClusterWatcher watcher;

	private final ClientConfigs configs;

	private final ConnectionState state;

	private KafkaClients(Admin admin, ClientConfigs configs, KafkaSettings settings, String servers,
			TransportListener listener) {
		this.admin = admin;
		this.configs = configs;
		this.servers = servers;
		this.state = new ConnectionState(listener);
		this.producerFactory = new DefaultKafkaProducerFactory<>(configs.producer(), new ByteArraySerializer(),
				new ByteArraySerializer());
		this.producerFactory.setPhysicalCloseTimeout((int) CLOSE_TIMEOUT.toSeconds());
		DefaultKafkaConsumerFactory<byte[], byte[]> consumers = new DefaultKafkaConsumerFactory<>(configs.consumer(),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		try {
			this.producer = this.producerFactory.createProducer();
			this.loop = new ConsumerLoop(consumers::createConsumer, "choreo-kafka-consumer-" + configs.name(),
					this::deliver, this.state);
		}
		catch (RuntimeException ex) {
			this.producerFactory.destroy();
			throw ex;
		}
		this.topics = new TopicAdmin(admin, settings, servers, configs.isolationLevel());
		this.subscriptions = new Subscriptions(this.topics, this.loop, settings.requestTimeout());
		this.watcher = new ClusterWatcher(admin, this.state, servers, "choreo-kafka-watcher-" + configs.name(),
				() -> this.subscriptions.refresh(ClusterWatcher.PROBE_TIMEOUT));
	}

	/**
	 * Return whether the cluster answers and the consumer loop runs.
	 */
	boolean isUp() {
		return this.state.isUp();
	}

	Set<TopicPartition> assignment() {
		return this.loop.assigned();
	}

	private void deliver(ConsumerRecord<byte[], byte[]> record) {
		this.subscriptions.deliver(record);
	}

	/**
	 * Create the clients, check within the connect timeout that the cluster answers, and
	 * start the consumer loop and the watcher.
	 * @throws dev.choreo.transport.TransportException if the cluster does not answer or
	 * refuses the credentials; no client is left open
	 */
	static KafkaClients open(ClientConfigs configs, KafkaSettings settings, String servers,
			TransportListener listener) {
		Admin admin = Admin.create(configs.admin());
		KafkaClients clients = null;
		try {
			verify(admin, settings, servers);
			clients = new KafkaClients(admin, configs, settings, servers, listener);
			clients.loop.start();
			clients.watcher.start();
			return clients;
		}
		catch (RuntimeException ex) {
			if (clients != null) {
				clients.close();
			}
			else {
				closeAdmin(admin);
			}
			throw ex;
		}
	}

	private static void verify(Admin admin, KafkaSettings settings, String servers) {
		Duration timeout = settings.connectTimeout();
		try {
			admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
				.clusterId()
				.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransportException("Interrupted while connecting to Kafka at " + servers);
		}
		catch (Exception ex) {
			throw KafkaFailures.connect(servers, timeout, ex);
		}
	}

	/**
	 * Stop the watcher and the consumer loop, close the consumer, producer and admin
	 * client, each within a bounded wait, and drop the configuration with its secrets.
	 */
	void close() {
		this.watcher.stop(CLOSE_TIMEOUT);
		this.subscriptions.close();
		this.loop.stop(CLOSE_TIMEOUT.plus(CLOSE_TIMEOUT));
		try {
			this.producerFactory.destroy();
		}
		catch (RuntimeException ex) {
			logger.debug("Closing the Kafka producer raised {}", ex.getClass().getName());
		}
		closeAdmin(this.admin);
		this.configs.clear();
	}

	private static void closeAdmin(Admin admin) {
		try {
			admin.close(ADMIN_CLOSE_TIMEOUT);
		}
		catch (RuntimeException ex) {
			logger.debug("Closing the Kafka admin client raised {}", ex.getClass().getName());
		}
	}

}
