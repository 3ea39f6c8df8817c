package dev.choreo.transport.kafka;

import java.time.Duration;

import dev.choreo.transport.Transport;
import dev.choreo.transport.tck.TransportContractTests;

/**
 * The transport contract on the test broker. The transport's consumer is assigned its
 * partitions and never joins a group, so the broker keeps nothing per subscription: the
 * resources counted are the consumer groups with the transport's client id prefix, which
 * must always be none.
 */
class KafkaTransportContractTests extends TransportContractTests {

	static final String PREFIX = "choreo-tck";

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
