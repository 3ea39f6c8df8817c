package dev.choreo.auth;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Auth#resolve} and {@link AuthResolver}.
 */
class AuthResolveTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void literalDescriptorResolves() {
		NatsAuth literal = NatsAuth.token("t0ken");
		assertThat(Auth.resolve(AuthResolver.of(literal), NatsAuth.class, "nats", TIMEOUT)).isSameAs(literal);
	}

	@Test
	void resolvingALiteralDescriptorAgainAfterItServedTheConnectKeepsTheCurrentCredentials() {
		NatsAuth literal = NatsAuth.token("t0ken");
		AuthResolver<NatsAuth> resolver = AuthResolver.of(literal);
		Auth.resolve(resolver, NatsAuth.class, "nats", TIMEOUT).consume();
		assertThat(Auth.resolveAgain(resolver, NatsAuth.class, "nats", TIMEOUT)).isNull();
		assertThatExceptionOfType(AuthException.class)
			.isThrownBy(() -> Auth.resolve(resolver, NatsAuth.class, "nats", TIMEOUT));
	}

	@Test
	void resolvingAgainClaimsAFreshDescriptor() {
		AuthResolver<RedisAuth> resolver = AuthResolver.from(() -> RedisAuth.acl("alice", "r0tated"));
		Auth.resolve(resolver, RedisAuth.class, "redis", TIMEOUT).consume();
		RedisAuth again = Auth.resolveAgain(resolver, RedisAuth.class, "redis", TIMEOUT);
		assertThat(again).isNotNull();
		assertThat(again.password()).containsExactly("r0tated".toCharArray());
		assertThat(again.isConsumed()).isFalse();
	}

	@Test
	void resolvingAgainRefusesAnotherVariant() {
		AuthResolver<NatsAuth> resolver = AuthResolver.from(() -> NatsAuth.token("t0ken"));
		assertThatExceptionOfType(AuthException.class)
			.isThrownBy(() -> Auth.resolveAgain(resolver, RedisAuth.class, "redis", TIMEOUT))
			.withMessage("auth descriptor is not a known variant for redis: got NatsAuth");
	}

	@Test
	void syncResolverIsCalledExactlyOnceOnItsOwnThread() {
		AtomicInteger calls = new AtomicInteger();
		AtomicReference<String> thread = new AtomicReference<>();
		AuthResolver<NatsAuth> resolver = AuthResolver.from(() -> {
			calls.incrementAndGet();
			thread.set(Thread.currentThread().getName());
			return NatsAuth.userPassword("alice", "s3cret");
		});
		NatsAuth auth = Auth.resolve(resolver, NatsAuth.class, "nats", TIMEOUT);
		assertThat(auth.user()).isEqualTo("alice");
		assertThat(calls).hasValue(1);
		assertThat(thread).hasValue("choreo-auth-resolver");
	}

	@Test
	void asyncResolverIsCalledExactlyOnce() {
		AtomicInteger calls = new AtomicInteger();
		AuthResolver<KafkaAuth> resolver = AuthResolver.async(() -> {
			calls.incrementAndGet();
			return CompletableFuture.supplyAsync(() -> KafkaAuth.saslPlain("alice", "s3cret"));
		});
		KafkaAuth auth = Auth.resolve(resolver, KafkaAuth.class, "kafka", TIMEOUT);
		assertThat(auth.kind()).isEqualTo(KafkaAuth.Kind.SASL_PLAIN);
		assertThat(calls).hasValue(1);
	}

	@Test
	void resolverThatThrowsLeavesNoTraceOfItsMessage() {
		AuthResolver<NatsAuth> resolver = () -> {
			throw new IllegalStateException("vault at db.internal refused token s3cret");
		};
		assertResolverFailed(resolver, "java.lang.IllegalStateException");
	}

	@Test
	void syncSupplierThatThrowsIsReportedWithItsClassName() {
		assertResolverFailed(AuthResolver.from(() -> {
			throw new VaultUnavailable("db.internal s3cret");
		}), "dev.choreo.auth.AuthResolveTests_VaultUnavailable");
	}

	@Test
	void failedStageIsReportedWithTheClassOfItsCause() {
		assertResolverFailed(AuthResolver.async(() -> CompletableFuture.failedFuture(new IOException("s3cret"))),
				"java.io.IOException");
	}

	@Test
	void asyncSupplierThatThrowsIsReportedWithItsClassName() {
		assertResolverFailed(AuthResolver.async(() -> {
			throw new UnsupportedOperationException("db.internal");
		}), "java.lang.UnsupportedOperationException");
	}

	@Test
	void resolverWithoutAStageFails() {
		assertResolverFailed(() -> null, "java.lang.NullPointerException");
	}

	private static void assertResolverFailed(AuthResolver<?> resolver, String resolverCause) {
		assertThatExceptionOfType(AuthException.class)
			.isThrownBy(() -> Auth.resolve(resolver, NatsAuth.class, "nats", TIMEOUT))
			.withMessage("auth resolver failed")
			.withNoCause()
			.satisfies((ex) -> {
				assertThat(ex.resolverCause()).isEqualTo(resolverCause);
				assertThat(ex.getSuppressed()).isEmpty();
				assertThat(ex.toString()).doesNotContain("s3cret", "db.internal", "vault");
				assertThatExceptionOfType(IllegalStateException.class)
					.isThrownBy(() -> ex.initCause(new RuntimeException("s3cret")));
				ex.addSuppressed(new RuntimeException("s3cret"));
				assertThat(ex.getSuppressed()).isEmpty();
			});
	}

	@Test
	void resolverThatDoesNotAnswerInTimeIsCancelled() {
		CompletableFuture<NatsAuth> never = new CompletableFuture<>();
		AuthResolver<NatsAuth> resolver = () -> never;
		assertThatExceptionOfType(AuthException.class)
			.isThrownBy(() -> Auth.resolve(resolver, NatsAuth.class, "nats", Duration.ofMillis(50)))
			.withMessage("auth resolver did not answer within 50ms")
			.satisfies((ex) -> assertThat(ex.resolverCause()).isNull());
		assertThat(never).isCancelled();
	}

	@Test
	void timeoutIsWrittenInWords() {
		assertThat(Auth.words(Duration.ofSeconds(5))).isEqualTo("5s");
		assertThat(Auth.words(Duration.ofMillis(250))).isEqualTo("250ms");
		assertThat(Auth.words(Duration.ofMillis(1500))).isEqualTo("1.5s");
		assertThat(Auth.words(Duration.ofSeconds(90))).isEqualTo("90s");
		assertThat(Auth.words(Duration.ofMinutes(2))).isEqualTo("2m");
	}

	@Test
	void negativeTimeoutIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Auth.resolve(AuthResolver.of(NatsAuth.token("t")), NatsAuth.class, "nats",
					Duration.ofSeconds(-1)))
			.withMessage("timeout must not be negative");
	}

	@Test
	void descriptorOfAnotherBrokerIsNotAKnownVariant() {
		AuthResolver<KafkaAuth> resolver = AuthResolver.of(KafkaAuth.saslPlain("alice", "s3cret"));
		assertThatExceptionOfType(AuthException.class)
			.isThrownBy(() -> Auth.resolve(resolver, NatsAuth.class, "nats", TIMEOUT))
			.withMessage("auth descriptor is not a known variant for nats: got KafkaAuth");
	}

	@Test
	void nullIsNotAKnownVariant() {
		AuthResolver<NatsAuth> resolver = () -> CompletableFuture.completedFuture(null);
		assertThatExceptionOfType(AuthException.class)
			.isThrownBy(() -> Auth.resolve(resolver, NatsAuth.class, "nats", TIMEOUT))
			.withMessage("auth descriptor is not a known variant for nats: got null");
	}

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void plainObjectIsNotAKnownVariant() {
		AuthResolver resolver = () -> (CompletionStage) CompletableFuture.completedFuture("user:s3cret");
		assertThatExceptionOfType(AuthException.class)
			.isThrownBy(() -> Auth.resolve(resolver, RedisAuth.class, "redis", TIMEOUT))
			.withMessage("auth descriptor is not a known variant for redis: got String");
	}

	@Test
	void descriptorUsedByOneConnectCannotServeAnother() {
		NatsAuth literal = NatsAuth.token("t0ken");
		AuthResolver<NatsAuth> resolver = AuthResolver.of(literal);
		Auth.resolve(resolver, NatsAuth.class, "nats", TIMEOUT);
		assertThatExceptionOfType(AuthException.class)
			.isThrownBy(() -> Auth.resolve(resolver, NatsAuth.class, "mock", TIMEOUT))
			.withMessage("auth descriptor has already been consumed by another connect()");
		literal.consume();
		assertThatExceptionOfType(AuthException.class)
			.isThrownBy(() -> Auth.resolve(resolver, NatsAuth.class, "nats", TIMEOUT))
			.withMessage("auth descriptor has already been consumed by another connect()");
	}

	@Test
	void claimedDescriptorCanStillBeReadAndConsumed() {
		char[] token = "t0ken".toCharArray();
		NatsAuth auth = Auth.resolve(AuthResolver.of(NatsAuth.token(token)), NatsAuth.class, "nats", TIMEOUT);
		assertThat(auth.token()).containsExactly("t0ken".toCharArray());
		auth.consume();
		assertThat(token).containsOnly('\0');
	}

	@Test
	void descriptorHandedOnByWithTlsCannotBeResolved() {
		NatsAuth original = NatsAuth.token("t0ken");
		original.withTls(Descriptors.tls());
		assertThatExceptionOfType(AuthException.class)
			.isThrownBy(() -> Auth.resolve(AuthResolver.of(original), NatsAuth.class, "nats", TIMEOUT))
			.withMessage("auth descriptor was handed on to the one withTls(...) returned; use that one");
	}

	@Test
	void authExceptionDoesNotDependOnTransportTypes() {
		assertThat(AuthException.class.getSuperclass()).isEqualTo(RuntimeException.class);
		assertThat(ConflictingAuthException.class.getSuperclass()).isEqualTo(AuthException.class);
	}

	static class VaultUnavailable extends RuntimeException {

		VaultUnavailable(String message) {
			super(message);
		}

	}

}
