package dev.choreo.sample.config;

import java.io.IOException;
import java.time.Duration;

import dev.choreo.sample.SampleProperties;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The NATS connection the fraud check uses.
 */
@Configuration(proxyBeanMethods = false)
public class NatsConfiguration {

	@Bean(destroyMethod = "close")
	Connection natsConnection(SampleProperties properties) throws IOException, InterruptedException {
		return Nats.connect(new Options.Builder().server(properties.natsUrl())
			.connectionName("order-service")
			.connectionTimeout(Duration.ofSeconds(5))
			.maxReconnects(-1)
			.build());
	}

}
