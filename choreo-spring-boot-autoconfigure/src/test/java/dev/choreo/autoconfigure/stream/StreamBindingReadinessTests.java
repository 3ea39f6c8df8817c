package dev.choreo.autoconfigure.stream;

import java.util.function.Consumer;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.HarnessFactory;
import dev.choreo.transport.InMemoryTransport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The first scenario waits for the application's Spring Cloud Stream consumer bindings,
 * and names one that does not run.
 */
class StreamBindingReadinessTests {

	@Test
	void theFirstScenarioStartsWhenTheConsumerBindingsRun() {
		try (ConfigurableApplicationContext context = run()) {
			try (Scenario scenario = context.getBean("memoryHarness", Harness.class).scenario("bindings")) {
				assertThat(scenario.name()).isEqualTo("bindings");
			}
		}
	}

	@Test
	void aBindingThatDoesNotRunFailsTheScenarioWithItsNameAndDestination() {
		try (ConfigurableApplicationContext context = run("--choreo.await-listeners.timeout=1s",
				"--spring.cloud.stream.bindings.sink-in-0.destination=orders.sink")) {
			context.getBean(BindingsLifecycleController.class).changeState("sink-in-0", State.STOPPED);
			assertThatIllegalStateException()
				.isThrownBy(() -> context.getBean("memoryHarness", Harness.class).scenario("bindings"))
				.withMessageStartingWith("Spring Cloud Stream binding 'sink-in-0' (destination orders.sink) was not"
						+ " running after 1s. Choreo waits for the application's listeners");
		}
	}

	private static ConfigurableApplicationContext run(String... arguments) {
		String[] all = new String[arguments.length + 2];
		all[0] = "--choreo.report.enabled=false";
		all[1] = "--spring.cloud.function.definition=sink";
		System.arraycopy(arguments, 0, all, 2, arguments.length);
		return new SpringApplicationBuilder(SinkApplication.class).web(WebApplicationType.NONE).run(all);
	}

	/**
	 * Not a component, so the other applications of this package do not scan it.
	 */
	@EnableAutoConfiguration
	@EnableTestBinder
	@ImportAutoConfiguration(ChoreoAutoConfiguration.class)
	static class SinkApplication {

		@Bean
		Consumer<String> sink() {
			return (message) -> {
			};
		}

		@Bean(destroyMethod = "close")
		Harness memoryHarness(HarnessFactory harnesses) {
			return harnesses.connect("memory", InMemoryTransport.create());
		}

	}

}
