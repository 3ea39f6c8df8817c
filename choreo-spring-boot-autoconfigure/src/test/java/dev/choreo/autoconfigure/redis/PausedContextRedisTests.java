package dev.choreo.autoconfigure.redis;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's test framework stops a cached context while another test class runs and starts
 * it again when it is reused; Redis's connection factory closes its connections
 * meanwhile. The harness must follow, or its subscriptions silently die.
 */
class PausedContextRedisTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, ChoreoAutoConfiguration.class,
				ChoreoRedisAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:6379");

	@Test
	void keepsReceivingOnTheSameTopicAfterTheContextWasStoppedAndStartedAgain() {
		Brokers.require("Redis", "127.0.0.1", 6379);
		this.runner.run((context) -> {
			Harness harness = context.getBean(Harness.class);
			String channel = "choreo:paused:" + System.nanoTime();
			roundTrip(harness, channel, 1);
			context.stop();
			assertThat(harness.isConnected()).isFalse();
			context.start();
			assertThat(harness.isConnected()).isTrue();
			roundTrip(harness, channel, 2);
		});
	}

	private static void roundTrip(Harness harness, String channel, int n) {
		try (Scenario scenario = harness.scenario("paused-" + n)) {
			scenario.expect(channel, fieldEquals("n", n));
			scenario.publish(channel, Map.of("n", n)).awaitAll(Duration.ofSeconds(5)).assertPassed();
		}
	}

}
