package dev.choreo.transport.tck;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import dev.choreo.Harness;
import dev.choreo.Scenario;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.TransportAuth;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.transport.Transport;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static dev.choreo.match.Matchers.fieldEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credential rotation contract, proven against a broker that requires credentials and
 * whose accepted secret the test can change: when the secret rotates while a harness is
 * connected and the broker then drops the connection, the transport asks its resolver
 * again when it reconnects, logs on with the new secret, and the same harness works
 * again, as many times as the secret rotates, with no secret in the log (at debug level)
 * or the transport's description. The test's last rotation returns to the initial secret.
 * Literal credentials ({@link AuthResolver#of}) keep serving the reconnects after the
 * broker drops the connection.
 */
public abstract class CredentialRotationContractTests {

	/**
	 * Return a new, unconnected transport to the authenticating broker, configured to
	 * reconnect.
	 * @param auth the credentials
	 * @return the transport
	 */
	protected abstract Transport transportWith(AuthResolver<?> auth);

	/**
	 * Return new credentials with the given secret, for the user the broker knows.
	 * @param secret the secret
	 * @return the credentials
	 */
	protected abstract TransportAuth credentials(String secret);

	/**
	 * Return the secret the broker accepts when the test starts.
	 * @return the secret
	 */
	protected abstract String initialSecret();

	/**
	 * Make the broker accept only the given secret from now on, and drop every connection
	 * made with the previous one.
	 * @param secret the new secret
	 */
	protected abstract void rotateTo(String secret);

	/**
	 * Return how long the harness may take to work again after a rotation.
	 * @return the recovery time
	 */
	protected Duration recovery() {
		return Duration.ofSeconds(30);
	}

	/**
	 * Return a unique topic name in the broker's naming style.
	 * @param base a readable base
	 * @return the topic
	 */
	protected String topic(String base) {
		return "choreo.tck.rotation." + base + "." + java.util.UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void reconnectsWithTheCredentialsTheResolverAnswersWithAfterARotation() {
		AtomicReference<String> secret = new AtomicReference<>(initialSecret());
		AtomicInteger calls = new AtomicInteger();
		AuthResolver<TransportAuth> resolver = AuthResolver.from(() -> {
			calls.incrementAndGet();
			return credentials(java.util.Objects.requireNonNull(secret.get()));
		});
		String rotated = "rotated-0ne-Pa55";
		ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory
			.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		logs.setContext(root.getLoggerContext());
		logs.start();
		Level level = root.getLevel();
		List<Appender<ILoggingEvent>> console = new java.util.ArrayList<>();
		root.iteratorForAppenders().forEachRemaining(console::add);
		console.forEach(root::detachAppender);
		root.addAppender(logs);
		root.setLevel(Level.DEBUG);
		Transport transport = transportWith(resolver);
		try (Harness harness = Harness.builder(transport)
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect()) {
			assertThat(passes(harness, topic("before"))).as("a scenario passes with the initial secret").isTrue();
			for (String next : List.of(rotated, initialSecret())) {
				int before = calls.get();
				secret.set(next);
				rotateTo(next);
				assertThat(Waits.until(recovery(), () -> calls.get() > before && harness.isConnected()))
					.as("the harness is connected again after asking the resolver again")
					.isTrue();
				assertThat(Waits.until(recovery(), () -> passes(harness, topic("after"))))
					.as("a scenario passes on the same harness with the rotated secret")
					.isTrue();
			}
		}
		finally {
			root.setLevel(level);
			root.detachAppender(logs);
			console.forEach(root::addAppender);
		}
		String everything = everything(logs);
		assertThat(everything).as("the log, at debug level").doesNotContain(initialSecret()).doesNotContain(rotated);
		assertThat(transport.toString()).doesNotContain(initialSecret()).doesNotContain(rotated);
	}

	private static String everything(ListAppender<ILoggingEvent> logs) {
		StringBuilder text = new StringBuilder();
		List<ILoggingEvent> events;
		synchronized (logs) {
			events = List.copyOf(logs.list);
		}
		for (ILoggingEvent event : events) {
			text.append(event.getFormattedMessage()).append('\n');
			for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
				text.append(cause.getClassName()).append(": ").append(cause.getMessage()).append('\n');
			}
		}
		return text.toString();
	}

	@Test
	void reconnectsWithLiteralCredentialsAfterTheBrokerDropsTheConnection() {
		TransportAuth literal = credentials(initialSecret());
		try (Harness harness = Harness.builder(transportWith(AuthResolver.of(literal)))
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect()) {
			assertThat(passes(harness, topic("before"))).as("a scenario passes with the literal credentials").isTrue();
			rotateTo(initialSecret());
			assertThat(Waits.until(recovery(), () -> passes(harness, topic("after"))))
				.as("a scenario passes on the same harness once it reconnected with the credentials of the connect")
				.isTrue();
			assertThat(literal.isConsumed()).isTrue();
		}
	}

	private boolean passes(Harness harness, String topic) {
		try (Scenario scenario = harness.scenario("rotation")) {
			scenario.expect(topic, fieldEquals("n", 1));
			return scenario.publish(topic, Map.of("n", 1)).awaitAll(Duration.ofSeconds(2)).passed();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
