package dev.choreo.autoconfigure.redis;

import java.time.Duration;
import java.util.Map;

import dev.choreo.Harness;
import dev.choreo.OutboundMessage;
import dev.choreo.Scenario;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.ChoreoStageAutoConfiguration;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.redis.RedisMode;
import dev.choreo.transport.redis.RedisTransport;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.headerEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChoreoRedisAutoConfiguration} against the local Redis.
 */
class ChoreoRedisAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, ChoreoAutoConfiguration.class,
				ChoreoRedisAutoConfiguration.class, ChoreoStageAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379");

	@BeforeEach
	void requireRedis() {
		Brokers.require("Redis", "127.0.0.1", 6379);
	}

	@Test
	void connectsAPubSubHarnessOverTheApplicationsConnectionFactory() {
		this.runner.run((context) -> {
			Harness harness = context.getBean("redisHarness", Harness.class);
			assertThat(harness.isConnected()).isTrue();
			assertThat(((RedisTransport) harness.transport()).mode()).isEqualTo(RedisMode.PUB_SUB);
			try (Scenario scenario = harness.scenario("redis-autoconfig")) {
				String channel = "choreo:autoconfig:" + System.nanoTime();
				scenario.expect(channel, fieldEquals("ok", true));
				scenario.publish(channel, Map.of("ok", true)).awaitAll(Duration.ofSeconds(10)).assertPassed();
			}
		});
	}

	@Test
	void usesStreamsWhenConfigured() {
		this.runner.withPropertyValues("choreo.redis.mode=streams").run((context) -> {
			Harness harness = context.getBean(Harness.class);
			assertThat(((RedisTransport) harness.transport()).mode()).isEqualTo(RedisMode.STREAMS);
			try (Scenario scenario = harness.scenario("redis-streams")) {
				String stream = "choreo:autoconfig:stream:" + System.nanoTime();
				scenario.expect(stream, headerEquals("x-kind", "test"));
				scenario.publish(stream, OutboundMessage.of(Map.of("ok", true)).withHeader("x-kind", "test"))
					.awaitAll(Duration.ofSeconds(10))
					.assertPassed();
			}
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("choreo.redis.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Harness.class));
	}

	@Test
	void backsOffWithoutSpringDataRedis() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChoreoAutoConfiguration.class, ChoreoRedisAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Harness.class));
	}

	@Test
	void backsOffWithoutLettuce() {
		this.runner.withClassLoader(new FilteredClassLoader("io.lettuce.core")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(Harness.class);
			ConditionEvaluationReport report = context.getBean(ConditionEvaluationReport.class);
			assertThat(report.getConditionAndOutcomesBySource().get(ChoreoRedisAutoConfiguration.class.getName()))
				.extracting((outcome) -> outcome.getOutcome().getMessage())
				.contains("@ConditionalOnClass did not find required class 'io.lettuce.core.RedisClient'");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnHarness() {
		this.runner
			.withBean("redisHarness", Harness.class,
					() -> Harness.builder(InMemoryTransport.create()).name("mine").build())
			.run((context) -> assertThat(context.getBean("redisHarness", Harness.class).name()).isEqualTo("mine"));
	}

	@Test
	void refusesAServerThatIsNotOnTheAllowlist() {
		this.runner.withPropertyValues("spring.data.redis.host=redis.prod.internal")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("is not on the allowlist")
				.hasMessageContaining("redis.prod.internal")
				.hasMessageContaining("add it to choreo.allowlist.redis-servers"));
	}

}
