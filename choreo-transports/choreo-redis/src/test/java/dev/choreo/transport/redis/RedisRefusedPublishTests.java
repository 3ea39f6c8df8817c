package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.choreo.Harness;
import dev.choreo.ScenarioResult;
import dev.choreo.Scenario;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.RedisAuth;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.TransportMessage;
import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code PUBLISH} that Redis refuses is reported, not swallowed, now that it is sent
 * without waiting: on a redis-server the test starts with an ACL user that may do
 * everything but publish.
 */
class RedisRefusedPublishTests {

	private static final String PASSWORD = "no-Publish-4u";

	private static BrokerProcess server;

	@BeforeAll
	static void startServer() {
		server = RedisServers.start("redis-no-publish", Brokers.freePort(), "--user", "quiet", "on", ">" + PASSWORD,
				"~*", "&*", "+@all", "-publish", "--user", "default", "off");
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	private static RedisTransport transport() {
		return RedisTransport.builder("redis://127.0.0.1:" + server.port())
			.auth(AuthResolver.of(RedisAuth.acl("quiet", PASSWORD)))
			.build();
	}

	@Test
	void tellsThePublishCallbackThatRedisRefusedThePublish() throws Exception {
		try (RedisTransport transport = transport()) {
			transport.connect(dev.choreo.transport.TransportListener.NONE);
			String topic = "choreo:refused:" + UUID.randomUUID();
			CompletableFuture<Throwable> failure = new CompletableFuture<>();
			transport.publish(TransportMessage.of(topic, new byte[] { 1 }), new PublishCallback() {

				@Override
				public void onSent() {
					failure.complete(null);
				}

				@Override
				public void onError(Throwable error) {
					failure.complete(error);
				}

			});
			Throwable error = failure.get(10, TimeUnit.SECONDS);
			assertThat(error).isNotNull();
			assertThat(error.getMessage()).contains("Redis PUBLISH to '" + topic + "' failed")
				.contains("NOPERM")
				.doesNotContain(PASSWORD);
		}
	}

	@Test
	void recordsTheRefusedPublishInTheScenarioResult() {
		try (Harness harness = Harness.builder(transport())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect(); Scenario scenario = harness.scenario("refused publish")) {
			String topic = "choreo:refused:" + UUID.randomUUID();
			scenario.expect(topic, fieldEquals("n", 1));
			ScenarioResult result = scenario.publish(topic, Map.of("n", 1)).awaitAll(Duration.ofMillis(500));
			assertThat(result.passed()).isFalse();
			assertThat(result.problems())
				.anySatisfy((problem) -> assertThat(problem).contains("publish to '" + topic + "'").contains("failed"));
		}
	}

}
