package dev.choreo.junit;

import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class (or fails it, under {@code -Dchoreo.e2e.required=true}) unless NATS,
 * Redis and RabbitMQ listen on their default local ports; registered before
 * {@code @EnableChoreo} so that it runs before the harnesses connect.
 */
class LocalBrokers implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		require();
	}

	static void require() {
		Brokers.require("NATS", "127.0.0.1", 4222);
		Brokers.require("Redis", "127.0.0.1", 6379);
		Brokers.require("RabbitMQ", "127.0.0.1", 5672);
	}

}
