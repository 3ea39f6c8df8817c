package dev.choreo.autoconfigure.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

import dev.choreo.Harness;
import dev.choreo.OutboundMessage;
import dev.choreo.Scenario;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.transport.stream.StreamTransport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static dev.choreo.match.Matchers.payloadContains;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChoreoStreamAutoConfiguration} with a Spring Cloud Stream function
 * application on the test binder.
 */
class ChoreoStreamAutoConfigurationTests {

	@Test
	void drivesAFunctionThroughTheApplicationsBinder() {
		try (ConfigurableApplicationContext context = run()) {
			Harness harness = context.getBean("streamHarness", Harness.class);
			assertThat(harness.transport()).isInstanceOf(StreamTransport.class);
			try (Scenario scenario = harness.scenario("uppercase")) {
				scenario.expect("uppercase-out-0", payloadContains("HELLO".getBytes(StandardCharsets.UTF_8)));
				scenario.publish("uppercase-in-0", OutboundMessage.of("hello").withHeader("contentType", "text/plain"))
					.awaitAll(Duration.ofSeconds(10))
					.assertPassed();
			}
		}
	}

	@Test
	void backsOffWhenDisabled() {
		try (ConfigurableApplicationContext context = run("--choreo.stream.enabled=false")) {
			assertThat(context.getBeansOfType(Harness.class)).isEmpty();
		}
	}

	@Test
	void createsNoHarnessWithoutABinder() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoBinderApplication.class)
			.web(WebApplicationType.NONE)
			.run("--choreo.report.enabled=false")) {
			assertThat(context.getBeansOfType(StreamBridge.class)).isNotEmpty();
			assertThat(context.getBeansOfType(Harness.class)).isEmpty();
		}
	}

	private static ConfigurableApplicationContext run(String... arguments) {
		String[] all = new String[arguments.length + 2];
		all[0] = "--spring.cloud.function.definition=uppercase";
		all[1] = "--choreo.report.enabled=false";
		System.arraycopy(arguments, 0, all, 2, arguments.length);
		return new SpringApplicationBuilder(UppercaseApplication.class).web(WebApplicationType.NONE).run(all);
	}

	@SpringBootApplication
	@ImportAutoConfiguration({ ChoreoAutoConfiguration.class, ChoreoStreamAutoConfiguration.class })
	static class NoBinderApplication {

	}

	@SpringBootApplication
	@EnableTestBinder
	@ImportAutoConfiguration({ ChoreoAutoConfiguration.class, ChoreoStreamAutoConfiguration.class })
	static class UppercaseApplication {

		@Bean
		Function<String, String> uppercase() {
			return String::toUpperCase;
		}

	}

}
