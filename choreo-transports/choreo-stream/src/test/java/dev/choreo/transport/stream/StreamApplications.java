package dev.choreo.transport.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Starts the minimal Spring Cloud Stream applications the tests talk through, with one
 * binder selected by configuration (both binders are on the test class path).
 */
final class StreamApplications {

	private StreamApplications() {
	}

	static ConfigurableApplicationContext kafka(String bootstrapServers, Class<?> application, String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.cloud.stream.default-binder=kafka",
				"spring.cloud.stream.kafka.binder.brokers=" + bootstrapServers,
				"spring.kafka.bootstrap-servers=" + bootstrapServers));
		all.addAll(List.of(properties));
		return start(application, all);
	}

	static ConfigurableApplicationContext rabbit(int port, Class<?> application, String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.cloud.stream.default-binder=rabbit",
				"spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=" + port, "spring.rabbitmq.username=guest",
				"spring.rabbitmq.password=guest"));
		all.addAll(List.of(properties));
		return start(application, all);
	}

	static ConfigurableApplicationContext start(Class<?> application, List<String> properties) {
		List<String> all = new ArrayList<>(List.of("spring.main.banner-mode=off", "spring.jmx.enabled=false",
				"spring.cloud.function.definition="));
		all.addAll(properties);
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
	}

	/**
	 * An application with Spring Cloud Stream and no functions: the transport's bindings
	 * are the only ones.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Minimal {

	}

	/**
	 * A Spring Cloud Stream function application: {@code uppercase-in-0} to
	 * {@code uppercase-out-0}.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Uppercase {

		@Bean
		Function<String, String> uppercase() {
			return (text) -> text.toUpperCase(java.util.Locale.ROOT);
		}

	}

}
