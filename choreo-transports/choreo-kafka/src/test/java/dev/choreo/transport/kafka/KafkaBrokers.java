package dev.choreo.transport.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.choreo.transport.tck.Brokers;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The Kafka broker of the tests: the one {@code CHOREO_KAFKA_BOOTSTRAP} names, or else an
 * in-process KRaft broker started once and shared by every test class of the run.
 */
final class KafkaBrokers {

	static final String BOOTSTRAP_VARIABLE = "CHOREO_KAFKA_BOOTSTRAP";

	private static @Nullable EmbeddedKafkaBroker shared;

	private KafkaBrokers() {
	}

	/**
	 * Return the bootstrap servers of the test broker, starting the embedded one if
	 * needed.
	 * @return the bootstrap servers
	 */
	static synchronized String bootstrap() {
		String external = System.getenv(BOOTSTRAP_VARIABLE);
		if (external != null && !external.isBlank()) {
			return external;
		}
		if (shared == null) {
			// one broker: the transaction log cannot have the default three replicas
			shared = start(
					Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
			EmbeddedKafkaBroker broker = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
		}
		return shared.getBrokersAsString();
	}

	/**
	 * Skip (or fail, when required) unless the test broker answers.
	 */
	static void require() {
		String bootstrap = bootstrap();
		String first = BootstrapServers.clientValue(BootstrapServers.split(bootstrap).get(0));
		int colon = first.lastIndexOf(':');
		Brokers.require("Kafka", first.substring(0, colon).replace("[", "").replace("]", ""),
				Integer.parseInt(first.substring(colon + 1)));
	}

	/**
	 * Start an embedded single-node KRaft broker.
	 * @param properties extra broker properties
	 * @return the started broker
	 */
	static EmbeddedKafkaBroker start(Map<String, String> properties) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperties(properties);
		broker.afterPropertiesSet();
		return broker;
	}

	/**
	 * Count the consumer groups whose id starts with a prefix.
	 * @param bootstrap the bootstrap servers
	 * @param prefix the prefix
	 * @return the count
	 */
	static int groupsStartingWith(String bootstrap, String prefix) {
		try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			return (int) admin.listGroups()
				.all()
				.get(10, TimeUnit.SECONDS)
				.stream()
				.map(GroupListing::groupId)
				.filter((id) -> id.startsWith(prefix))
				.count();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not list the consumer groups", ex);
		}
	}

}
