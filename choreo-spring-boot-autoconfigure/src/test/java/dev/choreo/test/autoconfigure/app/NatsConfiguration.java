package dev.choreo.test.autoconfigure.app;

import io.nats.client.Connection;
import io.nats.client.Nats;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NatsConfiguration {

	@Bean(destroyMethod = "close")
	Connection natsConnection(@Value("${app.nats.url:nats://127.0.0.1:4222}") String url) throws Exception {
		return Nats.connect(url);
	}

}
