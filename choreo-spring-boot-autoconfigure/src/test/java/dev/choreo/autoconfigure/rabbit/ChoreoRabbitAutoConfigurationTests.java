package dev.choreo.autoconfigure.rabbit;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.Stage;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.ChoreoStageAutoConfiguration;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.rabbitmq.RabbitTransport;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChoreoRabbitAutoConfiguration} against the local RabbitMQ.
 */
class ChoreoRabbitAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, ChoreoAutoConfiguration.class,
				ChoreoRabbitAutoConfiguration.class, ChoreoStageAutoConfiguration.class))
		.withPropertyValues("spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=5672");

	@BeforeEach
	void requireRabbit() {
		Brokers.require("RabbitMQ", "127.0.0.1", 5672);
	}

	@Test
	void connectsAHarnessOverTheApplicationsConnectionFactory() {
		this.runner.run((context) -> {
			Harness harness = context.getBean("rabbitHarness", Harness.class);
			assertThat(harness.isConnected()).isTrue();
			assertThat(harness.transport()).isInstanceOf(RabbitTransport.class);
			assertThat(context.getBean(Stage.class).harnessNames()).containsExactly("rabbit");
			try (Scenario scenario = harness.scenario("rabbit-autoconfig")) {
				String topic = "choreo.autoconfig." + System.nanoTime();
				scenario.expect(topic, fieldEquals("ok", true));
				scenario.publish(topic, Map.of("ok", true)).awaitAll(Duration.ofSeconds(10)).assertPassed();
			}
			harness.close();
			assertThat(context.getBean(ConnectionFactory.class).createConnection().isOpen()).isTrue();
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("choreo.rabbit.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Harness.class));
	}

	@Test
	void backsOffWithoutSpringRabbit() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ChoreoAutoConfiguration.class, ChoreoRabbitAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(ConnectionFactory.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Harness.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnHarness() {
		this.runner
			.withBean("rabbitHarness", Harness.class,
					() -> Harness.builder(InMemoryTransport.create()).name("mine").build())
			.run((context) -> assertThat(context.getBean("rabbitHarness", Harness.class).name()).isEqualTo("mine"));
	}

	@Test
	void refusesABrokerThatIsNotOnTheAllowlist() {
		this.runner.withPropertyValues("spring.rabbitmq.host=rabbit.prod.internal")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("RabbitMQ URL 'amqp://rabbit.prod.internal:5672' is not on the allowlist")
				.hasMessageContaining("add it to choreo.allowlist.amqp-brokers"));
	}

	@Test
	void usesTheConfiguredExchange() {
		this.runner.withPropertyValues("choreo.rabbit.exchange=choreo.autoconfig.exchange").run((context) -> {
			Harness harness = context.getBean(Harness.class);
			try (Scenario scenario = harness.scenario("exchange")) {
				scenario.expect("events.one", fieldEquals("n", 1));
				scenario.publish("events.one", Map.of("n", 1)).awaitAll(Duration.ofSeconds(10)).assertPassed();
			}
		});
	}

}
