package dev.choreo.autoconfigure;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.autoconfigure.nats.ChoreoNatsAutoConfiguration;
import dev.choreo.autoconfigure.rabbit.ChoreoRabbitAutoConfiguration;
import dev.choreo.autoconfigure.redis.ChoreoRedisAutoConfiguration;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A broker the application configures but that cannot be reached fails only the tests
 * that use its harness, with a message that says what to do, and its harness connects
 * once the broker is there.
 */
class UnreachableBrokerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, DataRedisAutoConfiguration.class,
				ChoreoAutoConfiguration.class, ChoreoNatsAutoConfiguration.class, ChoreoRabbitAutoConfiguration.class,
				ChoreoRedisAutoConfiguration.class))
		.withPropertyValues("choreo.nats.servers=nats://127.0.0.1:4222", "choreo.correlation.policy=field");

	@BeforeEach
	void requireNats() {
		Brokers.require("NATS", "127.0.0.1", 4222);
	}

	@Test
	void aRabbitMqOnAClosedPortFailsOnlyTheScenariosOnItsHarness() {
		int closed = Brokers.freePort();
		this.runner
			.withPropertyValues("spring.rabbitmq.addresses=127.0.0.1:" + closed, "choreo.redis.enabled=false",
					"spring.rabbitmq.connection-timeout=2s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				roundTrip(context.getBean("natsHarness", Harness.class), "choreo.unreachable.nats");
				Harness rabbit = context.getBean("rabbitHarness", Harness.class);
				assertThatIllegalStateException().isThrownBy(() -> rabbit.scenario("rabbit"))
					.withMessageStartingWith("Choreo's rabbit harness cannot connect to its broker, configured by"
							+ " spring.rabbitmq.addresses: ")
					.withMessageContaining("127.0.0.1:" + closed)
					.withMessageEndingWith(". Start the broker, point spring.rabbitmq.addresses at one that runs, or"
							+ " set choreo.rabbit.enabled=false; tests that use this harness fail until it connects,"
							+ " the others run.");
				roundTrip(context.getBean("natsHarness", Harness.class), "choreo.unreachable.nats.again");
			});
	}

	@Test
	void aHarnessConnectsOnItsNextUseOnceItsBrokerIsThere() {
		int port = Brokers.freePort();
		this.runner.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + port, "choreo.rabbit.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Harness redis = context.getBean("redisHarness", Harness.class);
				assertThatIllegalStateException().isThrownBy(() -> redis.scenario("before"))
					.withMessageStartingWith("Choreo's redis harness cannot connect to its broker, configured by"
							+ " spring.data.redis.url: ");
				try (BrokerProcess server = BrokerProcess.start("redis-unreachable", "redis-server", port, "--port",
						String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")) {
					roundTrip(redis, "choreo:unreachable:redis");
				}
			});
	}

	private static void roundTrip(Harness harness, String topic) {
		try (Scenario scenario = harness.scenario("reachable")) {
			scenario.expect(topic, fieldEquals("ok", true));
			scenario.publish(topic, Map.of("ok", true)).awaitAll(Duration.ofSeconds(10)).assertPassed();
		}
	}

}
