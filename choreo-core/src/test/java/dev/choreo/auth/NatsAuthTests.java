package dev.choreo.auth;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NatsAuth}.
 */
class NatsAuthTests {

	private static final String CONSUMED = "auth descriptor has already been consumed by another connect()";

	@Test
	void userPasswordExposesCopiesOfItsFields() {
		NatsAuth auth = NatsAuth.userPassword("alice", "s3cret");
		assertThat(auth.kind()).isEqualTo(NatsAuth.Kind.USER_PASSWORD);
		assertThat(auth.user()).isEqualTo("alice");
		char[] password = auth.password();
		assertThat(password).containsExactly("s3cret".toCharArray());
		password[0] = 'X';
		assertThat(auth.password()).containsExactly("s3cret".toCharArray());
	}

	@Test
	void tokenNkeyAndCredentialsFileExposeTheirFields() {
		assertThat(NatsAuth.token("t0ken").token()).containsExactly("t0ken".toCharArray());
		assertThat(NatsAuth.nkey("SUAseed").nkeySeed()).containsExactly("SUAseed".toCharArray());
		assertThat(NatsAuth.credentialsFile(Path.of("user.creds")).credentialsFile()).isEqualTo(Path.of("user.creds"));
		assertThat(NatsAuth.tls(Descriptors.tls()).kind()).isEqualTo(NatsAuth.Kind.TLS);
	}

	@Test
	void accessorOfAFieldTheKindLacksSaysSo() {
		NatsAuth auth = NatsAuth.token("t0ken");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::user)
			.withMessage("NatsAuth.TOKEN(<redacted>) has no user");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::nkeySeed)
			.withMessage("NatsAuth.TOKEN(<redacted>) has no NKey seed");
	}

	@Test
	void consumeZeroesTheArraysHandedIn() {
		char[] password = "s3cret".toCharArray();
		char[] token = "t0ken".toCharArray();
		char[] seed = "SUAseed".toCharArray();
		NatsAuth userPassword = NatsAuth.userPassword("alice", password);
		NatsAuth tokenAuth = NatsAuth.token(token);
		NatsAuth nkey = NatsAuth.nkey(seed);
		userPassword.consume();
		tokenAuth.consume();
		nkey.consume();
		assertThat(password).hasSize(6).containsOnly('\0');
		assertThat(token).hasSize(5).containsOnly('\0');
		assertThat(seed).hasSize(7).containsOnly('\0');
	}

	@Test
	void everyAccessorThrowsAfterConsume() {
		NatsAuth auth = NatsAuth.userPassword("alice", "s3cret").withTls(Descriptors.tls());
		auth.consume();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::user).withMessage(CONSUMED);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::password).withMessage(CONSUMED);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::token).withMessage(CONSUMED);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::nkeySeed).withMessage(CONSUMED);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::credentialsFile).withMessage(CONSUMED);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(auth::tls).withMessage(CONSUMED);
	}

	@Test
	void withTlsGivesTheCombinedKinds() {
		assertThat(NatsAuth.userPassword("a", "p").withTls(Descriptors.tls()).kind())
			.isEqualTo(NatsAuth.Kind.USER_PASSWORD_WITH_TLS);
		assertThat(NatsAuth.token("t").withTls(Descriptors.tls()).kind()).isEqualTo(NatsAuth.Kind.TOKEN_WITH_TLS);
		assertThat(NatsAuth.nkey("s").withTls(Descriptors.tls()).kind()).isEqualTo(NatsAuth.Kind.NKEY_WITH_TLS);
		assertThat(NatsAuth.credentialsFile(Path.of("c")).withTls(Descriptors.tls()).kind())
			.isEqualTo(NatsAuth.Kind.CREDENTIALS_FILE_WITH_TLS);
	}

	@Test
	void withTlsHandsTheSecretsOnAndRetiresTheOriginal() {
		char[] password = "s3cret".toCharArray();
		NatsAuth original = NatsAuth.userPassword("alice", password);
		Tls tls = Descriptors.tls();
		NatsAuth combined = original.withTls(tls);
		assertThat(combined.user()).isEqualTo("alice");
		assertThat(combined.tls()).isSameAs(tls);
		assertThat(original.isConsumed()).isTrue();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(original::password)
			.withMessage("auth descriptor was handed on to the one withTls(...) returned; use that one");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> original.withTls(Descriptors.tls()))
			.withMessage("auth descriptor was handed on to the one withTls(...) returned; use that one");
		combined.consume();
		assertThat(password).containsOnly('\0');
	}

	@Test
	void withTlsOnATlsKindIsRefused() {
		NatsAuth auth = NatsAuth.tls(Descriptors.tls());
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> auth.withTls(Descriptors.tls()))
			.withMessage("NatsAuth.TLS(<redacted>) already carries TLS settings");
		assertThat(auth.isConsumed()).isFalse();
	}

}
