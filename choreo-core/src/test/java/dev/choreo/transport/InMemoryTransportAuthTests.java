package dev.choreo.transport;

import java.lang.reflect.Field;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import dev.choreo.auth.AuthException;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.NatsAuth;
import dev.choreo.auth.TransportAuth;
import dev.choreo.testing.LogCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Credentials given to the in-memory transport: resolved and validated at connect like a
 * real transport's, consumed, warned about once, never held or logged. Checklist items
 * K-139, K-140 and K-144.
 */
class InMemoryTransportAuthTests {

	@Test // K-140
	void aLiteralDescriptorConnectsIsConsumedAndIsWarnedAboutOnceWithoutItsSecret() {
		NatsAuth token = NatsAuth.token("s3cret-token");
		InMemoryTransport transport = InMemoryTransport.builder().auth(AuthResolver.of(token)).build();
		try (LogCapture logs = LogCapture.choreo()) {
			transport.connect(TransportListener.NONE);
			transport.close();
			transport.connect(TransportListener.NONE);
			assertThat(transport.isConnected()).isTrue();
			assertThat(logs.messages(Level.WARN))
				.containsExactly("The in-memory transport ignores credentials (NatsAuth.TOKEN(<redacted>))");
			assertThat(logs.everything()).doesNotContain("s3cret-token");
		}
		assertThat(token.isConsumed()).isTrue();
		assertThat(heldAuth(transport)).isEmpty();
	}

	@Test // K-140
	void aSyncResolverIsCalledExactlyOnce() {
		AtomicInteger calls = new AtomicInteger();
		InMemoryTransport transport = InMemoryTransport.builder().auth(AuthResolver.from(() -> {
			calls.incrementAndGet();
			return NatsAuth.userPassword("user", "pa55");
		})).build();
		transport.connect(TransportListener.NONE);
		transport.close();
		transport.connect(TransportListener.NONE);
		assertThat(calls).hasValue(1);
		assertThat(heldAuth(transport)).isEmpty();
	}

	@Test // K-140
	void anAsyncResolverIsAwaited() {
		InMemoryTransport transport = InMemoryTransport.builder()
			.auth(AuthResolver.async(() -> CompletableFuture.supplyAsync(() -> NatsAuth.token("t"))))
			.build();
		transport.connect(TransportListener.NONE);
		assertThat(transport.isConnected()).isTrue();
	}

	@Test // K-139
	void aResolverThatFailsLeavesTheTransportDisconnectedHoldingNoAuth() {
		InMemoryTransport transport = InMemoryTransport.builder().auth(AuthResolver.from(() -> {
			throw new IllegalStateException("vault at db.internal said s3cret");
		})).build();
		assertThatExceptionOfType(AuthException.class).isThrownBy(() -> transport.connect(TransportListener.NONE))
			.withMessage("auth resolver failed")
			.withNoCause()
			.satisfies((ex) -> assertThat(ex.resolverCause()).isEqualTo("java.lang.IllegalStateException"));
		assertThat(transport.isConnected()).isFalse();
		assertThat(heldAuth(transport)).isEmpty();
	}

	@Test // K-139
	void aResolverThatReturnsNoDescriptorIsRefused() {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		AuthResolver<?> notAuth = (AuthResolver) () -> CompletableFuture.completedFuture("user:password");
		InMemoryTransport transport = InMemoryTransport.builder().auth(notAuth).build();
		assertThatExceptionOfType(AuthException.class).isThrownBy(() -> transport.connect(TransportListener.NONE))
			.withMessage("auth descriptor is not a known variant for in-memory: got String");
		assertThat(transport.isConnected()).isFalse();
		assertThat(heldAuth(transport)).isEmpty();
	}

	@Test // K-139
	void aConsumedDescriptorIsRefused() {
		NatsAuth token = NatsAuth.token("t");
		InMemoryTransport first = InMemoryTransport.builder().auth(AuthResolver.of(token)).build();
		first.connect(TransportListener.NONE);
		InMemoryTransport second = InMemoryTransport.builder().auth(AuthResolver.of(token)).build();
		assertThatExceptionOfType(AuthException.class).isThrownBy(() -> second.connect(TransportListener.NONE))
			.withMessage("auth descriptor has already been consumed by another connect()");
	}

	@Test // K-144
	void withoutAuthTheTransportReconnectsAfterClose() {
		InMemoryTransport transport = InMemoryTransport.create();
		try (LogCapture logs = LogCapture.choreo()) {
			transport.connect(TransportListener.NONE);
			transport.close();
			transport.connect(TransportListener.NONE);
			transport.publish(TransportMessage.of("orders", new byte[] { 1 }), PublishCallback.NONE);
			assertThat(transport.sent()).hasSize(1);
			assertThat(logs.events()).isEmpty();
		}
	}

	private static java.util.List<Object> heldAuth(InMemoryTransport transport) {
		java.util.List<Object> held = new java.util.ArrayList<>();
		for (Field field : InMemoryTransport.class.getDeclaredFields()) {
			if (AuthResolver.class.isAssignableFrom(field.getType())
					|| TransportAuth.class.isAssignableFrom(field.getType())) {
				field.setAccessible(true);
				try {
					Object value = field.get(transport);
					if (value != null) {
						held.add(value);
					}
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return held;
	}

}
