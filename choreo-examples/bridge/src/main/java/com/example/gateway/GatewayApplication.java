package com.example.gateway;

import java.io.IOException;
import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A gateway between thermostats that speak a vendor protocol ("acme") on NATS and the
 * rest of the system, which speaks domain events on Kafka.
 */
@SpringBootApplication
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

	@Bean(destroyMethod = "close")
	Connection natsConnection(@Value("${gateway.nats-url}") String url) throws IOException, InterruptedException {
		return Nats.connect(new Options.Builder().server(url)
			.connectionName("device-gateway")
			.connectionTimeout(Duration.ofSeconds(5))
			.build());
	}

}
