package dev.choreo.auth;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for what every {@link TransportAuth} variant shares: redaction, identity, no
 * copies, and consumption.
 */
class TransportAuthTests {

	private static final String CONSUMED = "auth descriptor has already been consumed by another connect()";

	@Test
	void everyKindOfEveryBrokerIsCovered() {
		int kinds = NatsAuth.Kind.values().length + KafkaAuth.Kind.values().length + RabbitAuth.Kind.values().length
				+ RedisAuth.Kind.values().length;
		assertThat(NatsAuth.Kind.values()).hasSize(9);
		assertThat(Descriptors.all()).hasSize(kinds);
	}

	@ParameterizedTest
	@MethodSource("dev.choreo.auth.Descriptors#all")
	void toStringNamesTheVariantAndNoField(Supplier<TransportAuth> descriptor) {
		TransportAuth auth = descriptor.get();
		assertThat(auth).hasToString(auth.getClass().getSimpleName() + "." + auth.kind().name() + "(<redacted>)");
		assertThat(auth.toString()).doesNotContain("s3cret", "alice");
	}

	@ParameterizedTest
	@MethodSource("dev.choreo.auth.Descriptors#all")
	void descriptorsWithEqualFieldsAreNotEqual(Supplier<TransportAuth> descriptor) {
		TransportAuth auth = descriptor.get();
		TransportAuth twin = descriptor.get();
		assertThat(auth).isEqualTo(auth).isNotEqualTo(twin);
		assertThat(auth.hashCode()).isEqualTo(System.identityHashCode(auth));
	}

	@ParameterizedTest
	@MethodSource("dev.choreo.auth.Descriptors#all")
	void assertionDiffNeverPrintsASecret(Supplier<TransportAuth> descriptor) {
		TransportAuth auth = descriptor.get();
		TransportAuth twin = descriptor.get();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(auth).isEqualTo(twin))
			.satisfies((error) -> assertThat(error.getMessage()).contains("(<redacted>)")
				.doesNotContain("s3cret", "alice"));
	}

	@ParameterizedTest
	@MethodSource("dev.choreo.auth.Descriptors#all")
	void cannotBeSerialisedOrCloned(Supplier<TransportAuth> descriptor) throws Exception {
		TransportAuth auth = descriptor.get();
		try (ObjectOutputStream output = new ObjectOutputStream(new ByteArrayOutputStream())) {
			assertThatExceptionOfType(NotSerializableException.class).isThrownBy(() -> output.writeObject(auth));
		}
		assertThat(auth).isNotInstanceOf(Cloneable.class);
		assertThatExceptionOfType(CloneNotSupportedException.class).isThrownBy(auth::clone)
			.withMessage(auth + " cannot be copied");
	}

	@ParameterizedTest
	@MethodSource("dev.choreo.auth.Descriptors#all")
	void consumeMakesEveryAccessorThrowButKeepsTheKind(Supplier<TransportAuth> descriptor) {
		TransportAuth auth = descriptor.get();
		Enum<?> kind = auth.kind();
		assertThat(auth.isConsumed()).isFalse();
		auth.consume();
		assertThat(auth.isConsumed()).isTrue();
		assertThat(auth.kind()).isSameAs(kind);
		assertThat(auth.toString()).endsWith("(<redacted>)");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::tls).withMessage(CONSUMED);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::consume).withMessage(CONSUMED);
	}

	@ParameterizedTest
	@MethodSource("dev.choreo.auth.Descriptors#all")
	void tlsIsPresentExactlyForTheTlsKinds(Supplier<TransportAuth> descriptor) {
		TransportAuth auth = descriptor.get();
		String kind = auth.kind().name();
		boolean tlsKind = kind.contains("TLS") || kind.endsWith("SSL") || kind.equals("EXTERNAL");
		assertThat(auth.hasTls()).isEqualTo(tlsKind);
		if (tlsKind) {
			assertThat(auth.tls().hostname()).isEqualTo("s3cret.test");
		}
		else {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::tls)
				.withMessage(auth + " has no TLS settings");
		}
	}

	@Test
	void consumeZeroesTheTlsPasswordsHandedIn() {
		char[] trustPassword = "trust-s3cret".toCharArray();
		char[] keyPassword = "key-s3cret".toCharArray();
		Tls tls = Tls.trustStore(java.nio.file.Path.of("trust.p12"), "PKCS12", trustPassword)
			.withKeyStore(java.nio.file.Path.of("key.p12"), "PKCS12", keyPassword);
		RabbitAuth auth = RabbitAuth.tls(tls);
		auth.consume();
		assertThat(trustPassword).containsOnly('\0');
		assertThat(keyPassword).containsOnly('\0');
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(tls::trustStorePassword)
			.withMessage(CONSUMED);
	}

	@Test
	void tlsSharedWithAConsumedDescriptorMakesTheOtherOneConsumedToo() {
		Tls tls = Descriptors.tls();
		NatsAuth first = NatsAuth.tls(tls);
		NatsAuth second = NatsAuth.token("t0ken").withTls(tls);
		first.consume();
		assertThat(second.isConsumed()).isTrue();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(second::token).withMessage(CONSUMED);
	}

	@Test
	void nothingOutsideThePackageCanSubclass() {
		assertThat(TransportAuth.class.isSealed()).isTrue();
		assertThat(TransportAuth.class.getPermittedSubclasses()).containsExactlyInAnyOrder(NatsAuth.class,
				KafkaAuth.class, RabbitAuth.class, RedisAuth.class);
		for (Class<?> variant : TransportAuth.class.getPermittedSubclasses()) {
			assertThat(Modifier.isFinal(variant.getModifiers())).as(variant.getName()).isTrue();
			assertThat(variant.getDeclaredConstructors()).allMatch((constructor) -> isPrivate(constructor));
		}
		assertThat(TransportAuth.class.getDeclaredConstructors())
			.allMatch((constructor) -> isPackagePrivate(constructor));
	}

	@Test
	void toStringEqualsAndHashCodeCannotBeOverridden() throws NoSuchMethodException {
		for (String name : new String[] { "toString", "hashCode" }) {
			assertThat(Modifier.isFinal(TransportAuth.class.getMethod(name).getModifiers())).as(name).isTrue();
		}
		assertThat(Modifier.isFinal(TransportAuth.class.getMethod("equals", Object.class).getModifiers())).isTrue();
		assertThat(Arrays.stream(TransportAuth.class.getMethods()).map((method) -> method.getName()))
			.noneMatch((name) -> name.startsWith("set"));
	}

	private static boolean isPrivate(Constructor<?> constructor) {
		return Modifier.isPrivate(constructor.getModifiers());
	}

	private static boolean isPackagePrivate(Constructor<?> constructor) {
		int modifiers = constructor.getModifiers();
		return !Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers) && !Modifier.isPrivate(modifiers);
	}

}
