package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.TransportContractTests;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The transport contract on the test broker. The transport's consumer is assigned its
 * partitions and never joins a group, so the broker keeps nothing per subscription: the
 * resources counted are the consumer groups with the transport's client id prefix, which
 * must always be none. The transport publishes only to topics that exist, so every topic
 * the contract names is created first, as an application's topics would be.
 */
class KafkaTransportContractTests extends TransportContractTests {

	static final String PREFIX = "choreo-tck";

	private static @Nullable Admin admin;

	/**
	 * Start the admin client before any test, so no test counts its thread as leaked.
	 */
	@BeforeAll
	static void createAdmin() {
		admin();
	}

	@AfterAll
	static void closeAdmin() {
		if (admin != null) {
			admin.close(Duration.ofSeconds(5));
			admin = null;
		}
	}

	/**
	 * Return a unique topic, created on the test broker.
	 */
	@Override
	protected String topic(String base) {
		String topic = super.topic(base);
		try {
			admin().createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create the topic " + topic, ex);
		}
		return topic;
	}

	private static synchronized Admin admin() {
		if (admin == null) {
			admin = Admin.create(Map.of("bootstrap.servers", KafkaBrokers.bootstrap()));
		}
		return admin;
	}

	@Override
	protected void requireBroker() {
		KafkaBrokers.require();
	}

	@Override
	protected Transport createTransport() {
		return KafkaTransport.builder(KafkaBrokers.bootstrap()).clientIdPrefix(PREFIX).build();
	}

	@Override
	protected Transport createUnreachableTransport(int port) {
		return KafkaTransport.builder("127.0.0.1:" + port).connectTimeout(Duration.ofSeconds(2)).build();
	}

	@Override
	protected boolean brokerTracksSubscriptions() {
		return false;
	}

	@Override
	protected int brokerResources(String topic) {
		return KafkaBrokers.groupsStartingWith(KafkaBrokers.bootstrap(), PREFIX);
	}

}
