package dev.choreo.autoconfigure.metrics;

import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.Level;
import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.HarnessFactory;
import dev.choreo.autoconfigure.testing.LogCapture;
import dev.choreo.transport.InMemoryTransport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChoreoMetricsAutoConfiguration} with a {@link SimpleMeterRegistry}.
 */
class ChoreoMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChoreoAutoConfiguration.class, ChoreoMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withUserConfiguration(InMemoryHarness.class);

	@Test
	void recordsLatencyOutcomesNearMissesAndBudgets() {
		this.runner.run((context) -> {
			Harness harness = context.getBean(Harness.class);
			try (Scenario scenario = harness.scenario("metrics")) {
				scenario.expect("orders.settled", fieldEquals("status", "SETTLED")).within(Duration.ofSeconds(30));
				scenario.expect("orders.shipped", fieldEquals("status", "SHIPPED"));
				scenario.publish("orders.settled", Map.of("status", "SETTLED"));
				scenario.publish("orders.shipped", Map.of("status", "LOST"));
				scenario.awaitAll(Duration.ofMillis(50));
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Timer settled = registry.get(ChoreoMetrics.LATENCY)
				.tags("harness", "memory", "topic", "orders.settled", "outcome", "pass", "budget", "30s")
				.timer();
			assertThat(settled.count()).isEqualTo(1);
			CountAtBucket[] buckets = settled.takeSnapshot().histogramCounts();
			assertThat(buckets).hasSize(1);
			assertThat(buckets[0].bucket(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(30.0);
			assertThat(buckets[0].count()).isEqualTo(1);
			assertThat(registry.get(ChoreoMetrics.LATENCY)
				.tags("topic", "orders.shipped", "outcome", "fail", "budget", "none")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get(ChoreoMetrics.NEAR_MISSES).tags("topic", "orders.shipped").counter().count())
				.isEqualTo(1);
			assertThat(registry.get(ChoreoMetrics.SCENARIOS).tags("outcome", "fail").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void countsSurprisesPerHarness() {
		this.runner.run((context) -> {
			Harness harness = context.getBean(Harness.class);
			try (Scenario scenario = harness.scenario("surprise")) {
				scenario.expect("orders.created");
				scenario.publish("orders.created", Map.of("n", 1)).awaitAll(Duration.ofSeconds(1));
			}
			harness.publish("orders.created", Map.of("n", 2));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("choreo.surprises").tags("harness", "memory").functionCounter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void capsTheNumberOfTopicTags() {
		this.runner.withPropertyValues("choreo.metrics.max-topics=2").run((context) -> {
			Harness harness = context.getBean(Harness.class);
			for (int i = 0; i < 4; i++) {
				try (Scenario scenario = harness.scenario("cap-" + i)) {
					scenario.expect("topic." + i);
					scenario.publish("topic." + i, Map.of("n", i)).awaitAll(Duration.ofSeconds(1));
				}
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(ChoreoMetrics.LATENCY).timers())
				.extracting((timer) -> timer.getId().getTag("topic"))
				.containsExactlyInAnyOrder("topic.0", "topic.1", ChoreoMetrics.OTHER_TOPIC);
			assertThat(registry.get(ChoreoMetrics.LATENCY).tags("topic", "other").timer().count()).isEqualTo(2);
		});
	}

	@Test
	void backsOffWhenDisabledOrWithoutMicrometer() {
		this.runner.withPropertyValues("choreo.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChoreoMetrics.class));
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChoreoMetrics.class));
	}

	@Test
	void backsOffWithoutARegistryAndSaysOnceHowToGetOne() {
		try (LogCapture logs = LogCapture.of("dev.choreo")) {
			new ApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(ChoreoAutoConfiguration.class, ChoreoMetricsAutoConfiguration.class))
				.withUserConfiguration(InMemoryHarness.class, SecondInMemoryHarness.class)
				.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ChoreoMetrics.class));
			assertThat(logs.messages(Level.INFO)).containsExactly("Choreo records no metrics: the application context"
					+ " has no MeterRegistry. To get choreo.expectation.latency and the other choreo.* meters, add"
					+ " io.micrometer:micrometer-core and org.springframework.boot:spring-boot-starter-actuator to the"
					+ " test class path, or define a SimpleMeterRegistry bean; set choreo.metrics.enabled=false to do"
					+ " without them.");
		}
	}

	@Test
	void saysNothingAboutMetricsWithARegistryOrWhenSwitchedOff() {
		try (LogCapture logs = LogCapture.of("dev.choreo")) {
			this.runner.run((context) -> assertThat(context).hasSingleBean(ChoreoMetrics.class));
			new ApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(ChoreoAutoConfiguration.class, ChoreoMetricsAutoConfiguration.class))
				.withPropertyValues("choreo.metrics.enabled=false")
				.run((context) -> assertThat(context).hasNotFailed());
			assertThat(logs.messages(Level.INFO)).isEmpty();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class SecondInMemoryHarness {

		@Bean(destroyMethod = "close")
		Harness otherHarness(HarnessFactory harnesses) {
			return harnesses.connect("other", InMemoryTransport.create());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InMemoryHarness {

		@Bean(destroyMethod = "close")
		Harness memoryHarness(HarnessFactory harnesses) {
			return harnesses.connect("memory", InMemoryTransport.create());
		}

	}

}
