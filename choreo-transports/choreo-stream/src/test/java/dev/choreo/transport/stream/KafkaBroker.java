package dev.choreo.transport.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The Kafka broker of a test class: in process (spring-kafka-test's KRaft broker) unless
 * the environment variable {@code CHOREO_KAFKA_BOOTSTRAP} names one.
 */
final class KafkaBroker implements AutoCloseable {

	static final String BOOTSTRAP_VARIABLE = "CHOREO_KAFKA_BOOTSTRAP";

	/** The largest record the in-process broker accepts: a 1 MiB payload with headers. */
	static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

	private final @Nullable EmbeddedKafkaKraftBroker embedded;

	private final String bootstrapServers;

	private KafkaBroker(@Nullable EmbeddedKafkaKraftBroker embedded, String bootstrapServers) {
		this.embedded = embedded;
		this.bootstrapServers = bootstrapServers;
	}

	static KafkaBroker start() {
		String external = System.getenv(BOOTSTRAP_VARIABLE);
		if (external != null && !external.isBlank()) {
			return new KafkaBroker(null, external.trim());
		}
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperty("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
		broker.afterPropertiesSet();
		return new KafkaBroker(broker, broker.getBrokersAsString());
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	boolean isExternal() {
		return this.embedded == null;
	}

	/**
	 * Count the consumer groups that have a member assigned to a partition of a topic.
	 */
	int groupsWithMembersOn(String topic) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups())
				.all()
				.get(30, TimeUnit.SECONDS)
				.stream()
				.map(GroupListing::groupId)
				.toList();
			if (groups.isEmpty()) {
				return 0;
			}
			Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups)
				.all()
				.get(30, TimeUnit.SECONDS);
			return (int) descriptions.values().stream().filter((group) -> hasMemberOn(group, topic)).count();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not list the consumer groups", ex);
		}
	}

	private static boolean hasMemberOn(ConsumerGroupDescription group, String topic) {
		for (MemberDescription member : group.members()) {
			if (member.assignment().topicPartitions().stream().anyMatch((tp) -> tp.topic().equals(topic))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			this.embedded.destroy();
			// the broker leaves its address for the Kafka binder of later applications
			System.clearProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
		}
	}

}
