package dev.choreo.transport.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.kafka.clients.CommonClientConfigs;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Reads the client configuration of an application's factory, a fresh copy at every
 * connect; the factory itself is never changed.
 */
final class ClientSources {

	private ClientSources() {
	}

	static Supplier<Map<String, Object>> of(ProducerFactory<?, ?> factory) {
		Objects.requireNonNull(factory, "producerFactory");
		return checked(() -> new LinkedHashMap<>(factory.getConfigurationProperties()), factory, "producer factory");
	}

	static Supplier<Map<String, Object>> of(ConsumerFactory<?, ?> factory) {
		Objects.requireNonNull(factory, "consumerFactory");
		return checked(() -> new LinkedHashMap<>(factory.getConfigurationProperties()), factory, "consumer factory");
	}

	private static Supplier<Map<String, Object>> checked(Supplier<Map<String, Object>> source, Object factory,
			String kind) {
		Map<String, Object> now;
		try {
			now = source.get();
		}
		catch (UnsupportedOperationException ex) {
			now = Map.of();
		}
		if (now.isEmpty()) {
			throw new IllegalArgumentException("The " + kind + " (" + factory.getClass().getName()
					+ ") does not expose its configuration; build the transport from bootstrap servers instead");
		}
		if (BootstrapServers.of(now).isEmpty()) {
			throw new IllegalArgumentException("The " + kind + "'s configuration names no bootstrap servers ("
					+ CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG + ")");
		}
		return source;
	}

}
