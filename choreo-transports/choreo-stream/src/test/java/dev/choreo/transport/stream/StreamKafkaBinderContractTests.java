package dev.choreo.transport.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.Brokers;
import dev.choreo.transport.tck.TransportContractTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The transport contract on the Kafka binder, with the in-process KRaft broker (or the
 * one {@code CHOREO_KAFKA_BOOTSTRAP} names).
 */
class StreamKafkaBinderContractTests extends TransportContractTests {

	/**
	 * Room for the contract's 1 MiB payload and its headers (the broker allows it too).
	 */
	static final String LARGE_MESSAGES = "spring.cloud.stream.kafka.binder.producer-properties.max.request.size="
			+ KafkaBroker.MAX_MESSAGE_BYTES;

	/** The client id prefix of the producers of the application's StreamBridge. */
	static final String BRIDGE_PRODUCERS = "stream-bridge";

	private static KafkaBroker broker;

	private static ConfigurableApplicationContext application;

	private static final List<ConfigurableApplicationContext> unreachable = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startTheApplication() {
		broker = KafkaBroker.start();
		application = StreamApplications.kafka(broker.bootstrapServers(), StreamApplications.Minimal.class,
				LARGE_MESSAGES, "spring.cloud.stream.kafka.binder.producer-properties.client.id=" + BRIDGE_PRODUCERS);
		WarmUp.roundTrip(StreamTransport.builder(application).build());
	}

	@AfterAll
	static void closeTheApplications() {
		unreachable.forEach(ConfigurableApplicationContext::close);
		application.close();
		broker.close();
	}

	@Override
	protected void requireBroker() {
		if (broker.isExternal()) {
			String[] hostPort = broker.bootstrapServers().split(",")[0].split(":");
			Brokers.require("Kafka", hostPort[0], Integer.parseInt(hostPort[1]));
		}
	}

	@Override
	protected Transport createTransport() {
		return StreamTransport.builder(application).build();
	}

	@Override
	protected Transport createUnreachableTransport(int port) {
		ConfigurableApplicationContext context = StreamApplications.kafka("127.0.0.1:" + port,
				StreamApplications.Minimal.class);
		unreachable.add(context);
		return StreamTransport.builder(context).connectTimeout(java.time.Duration.ofSeconds(3)).build();
	}

	/**
	 * The Kafka producer of each output binding the application's StreamBridge creates
	 * for a destination stays with the bridge after the transport closes.
	 */
	@Override
	protected boolean isApplicationThread(Thread thread) {
		return thread.getName().startsWith("kafka-producer-network-thread | " + BRIDGE_PRODUCERS + "-");
	}

	@Override
	protected int brokerResources(String topic) {
		return broker.groupsWithMembersOn(topic);
	}

}
