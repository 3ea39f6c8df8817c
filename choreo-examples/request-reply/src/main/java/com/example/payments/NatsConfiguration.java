package com.example.payments;

import java.io.IOException;
import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's NATS connection.
 */
@Configuration(proxyBeanMethods = false)
class NatsConfiguration {

	@Bean(destroyMethod = "close")
	Connection natsConnection(PaymentsProperties properties) throws IOException, InterruptedException {
		return Nats.connect(new Options.Builder().server(properties.natsUrl())
			.connectionName("payment-service")
			.connectionTimeout(Duration.ofSeconds(5))
			.build());
	}

}
