package dev.choreo.correlation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The correlation policies on their own: envelopes, the no-op policy, field and header
 * policies with and without a namespace, and the texts of their exceptions. Checklist
 * items G-87 to G-91 and G-97.
 */
class CorrelationPolicyTests {

	@Test // G-87
	void anEnvelopeIsImmutable() {
		Map<String, String> headers = new HashMap<>(Map.of("tenant", "acme"));
		Envelope envelope = new Envelope("orders", Map.of("id", 1), headers);
		headers.put("tenant", "other");
		assertThat(envelope.headers()).isEqualTo(Map.of("tenant", "acme"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> envelope.headers().put("x", "y"));
		Envelope moved = envelope.withPayload("other");
		assertThat(moved).isNotSameAs(envelope);
		assertThat(envelope.payload()).isEqualTo(Map.of("id", 1));
		assertThat(moved.headers()).isEqualTo(envelope.headers());
		Envelope relabelled = envelope.withHeaders(Map.of("h", "v"));
		assertThat(envelope.headers()).isEqualTo(Map.of("tenant", "acme"));
		assertThat(relabelled.payload()).isSameAs(envelope.payload());
		assertThat(Envelope.of("orders", null).headers()).isEmpty();
		assertThat(envelope).hasToString("Envelope[topic=orders, headers=[tenant]]");
		assertThatNullPointerException().isThrownBy(() -> new Envelope(nothing(), null, Map.of())).withMessage("topic");
	}

	@Test // G-88
	void theNoOpPolicyDoesNothing() {
		CorrelationPolicy none = CorrelationPolicy.none();
		Envelope envelope = Envelope.of("orders", Map.of("correlation_id", "TEST-1"));
		assertThat(none.newId()).isNull();
		assertThat(none.write(envelope, "id")).isSameAs(envelope);
		assertThat(none.read(envelope)).isNull();
		assertThat(none.routesByCorrelation()).isFalse();
		assertThat(none.usesHeaders()).isFalse();
		assertThat(none).isSameAs(CorrelationPolicy.none()).hasToString("CorrelationPolicy.none()");
	}

	@Test // G-89
	void aFieldPolicyAddsTheFieldWhenItIsAbsent() {
		CorrelationPolicy policy = CorrelationPolicy.field("trace_id");
		Map<String, Object> payload = new LinkedHashMap<>(Map.of("id", 1));
		Envelope envelope = new Envelope("orders", payload, Map.of("h", "v"));
		Envelope stamped = policy.write(envelope, "abc");
		assertThat(stamped).isNotSameAs(envelope);
		assertThat(stamped.payload()).isEqualTo(Map.of("id", 1, "trace_id", "abc"));
		assertThat(stamped.headers()).isEqualTo(Map.of("h", "v"));
		assertThat(stamped.topic()).isEqualTo("orders");
		assertThat(payload).isEqualTo(Map.of("id", 1));
		assertThat(envelope.payload()).isSameAs(payload);
	}

	@Test // G-89
	void aFieldPolicyKeepsAnExplicitValueAndLeavesOtherPayloadsAlone() {
		CorrelationPolicy policy = CorrelationPolicy.field("trace_id");
		Envelope explicit = Envelope.of("orders", Map.of("trace_id", "mine"));
		assertThat(policy.write(explicit, "abc")).isSameAs(explicit);
		for (Object payload : new Object[] { "text", List.of(1), new byte[] { 1 }, 42 }) {
			Envelope other = Envelope.of("orders", payload);
			assertThat(policy.write(other, "abc")).isSameAs(other);
		}
		Envelope none = Envelope.of("orders", null);
		assertThat(policy.write(none, "abc")).isSameAs(none);
	}

	@Test // G-89
	void aFieldPolicyReadsOnlyAStringField() {
		CorrelationPolicy policy = CorrelationPolicy.field("trace_id");
		assertThat(policy.read(Envelope.of("t", Map.of("trace_id", "abc")))).isEqualTo("abc");
		assertThat(policy.read(Envelope.of("t", Map.of("other", "abc")))).isNull();
		assertThat(policy.read(Envelope.of("t", Map.of("trace_id", 42)))).isNull();
		assertThat(policy.read(Envelope.of("t", List.of("abc")))).isNull();
		assertThat(policy.read(Envelope.of("t", "trace_id"))).isNull();
		assertThat(policy.read(new Envelope("t", Map.of(), Map.of("trace_id", "abc")))).isNull();
		assertThat(policy.routesByCorrelation()).isTrue();
		assertThat(policy.usesHeaders()).isFalse();
		assertThat(policy).hasToString("CorrelationPolicy.field(trace_id)");
	}

	@Test // G-90
	void aPrefixRefusesIdsOutsideItsNamespace() {
		CorrelationPolicy policy = CorrelationPolicy.field("correlation_id", "TEST-");
		assertThatExceptionOfType(CorrelationIdNotInNamespaceException.class)
			.isThrownBy(() -> policy.write(Envelope.of("t", Map.of()), "PROD-abc"))
			.withMessage("Correlation id 'PROD-abc' is outside the 'TEST-' namespace; every id this policy writes or"
					+ " accepts must start with 'TEST-'");
		assertThatExceptionOfType(CorrelationIdNotInNamespaceException.class)
			.isThrownBy(() -> policy.write(Envelope.of("t", Map.of("correlation_id", "PROD-abc")), "TEST-1"))
			.withMessage("Correlation id 'PROD-abc' is outside the 'TEST-' namespace; every id this policy writes or"
					+ " accepts must start with 'TEST-'")
			.isInstanceOf(IllegalArgumentException.class);
		assertThatExceptionOfType(CorrelationIdNotInNamespaceException.class)
			.isThrownBy(() -> policy.write(Envelope.of("t", Map.of("correlation_id", 42)), "TEST-1"))
			.withMessage("Correlation id '42' is outside the 'TEST-' namespace; every id this policy writes or"
					+ " accepts must start with 'TEST-'");
		Envelope mine = Envelope.of("t", Map.of("correlation_id", "TEST-mine"));
		assertThat(policy.write(mine, "TEST-1")).isSameAs(mine);
		Envelope text = Envelope.of("t", "PROD-abc");
		assertThat(policy.write(text, "PROD-abc")).isSameAs(text);
		assertThat(policy).hasToString("CorrelationPolicy.field(correlation_id, prefix TEST-)");
	}

	@Test // G-91
	void theTestNamespaceStampsPrefixedIdsInTheGivenField() {
		CorrelationPolicy policy = CorrelationPolicy.testNamespace("trace_id");
		String id = policy.newId();
		assertThat(id).matches("TEST-[0-9a-f]{32}");
		assertThat(policy.write(Envelope.of("t", Map.of()), id).payload()).isEqualTo(Map.of("trace_id", id));
		assertThat(CorrelationPolicy.testNamespace())
			.hasToString("CorrelationPolicy.field(correlation_id, prefix TEST-)");
		assertThat(CorrelationPolicy.field("id").newId()).matches("[0-9a-f]{32}");
	}

	@Test // G-91
	void fieldAndHeaderNamesMustNotBeBlank() {
		assertThatIllegalArgumentException().isThrownBy(() -> CorrelationPolicy.field(" "))
			.withMessage("Correlation field must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> CorrelationPolicy.header(""))
			.withMessage("Correlation header must not be blank");
		assertThatNullPointerException().isThrownBy(() -> CorrelationPolicy.field(nothing())).withMessage("field");
		assertThatNullPointerException().isThrownBy(() -> CorrelationPolicy.field("id", nothing()))
			.withMessage("prefix");
	}

	@Test // G-97
	void aHeaderPolicyKeepsTheIdInAHeaderAndNeverTouchesThePayload() {
		CorrelationPolicy policy = CorrelationPolicy.header("x-correlation-id");
		Map<String, Object> payload = Map.of("id", 1);
		Envelope stamped = policy.write(new Envelope("orders", payload, Map.of("tenant", "acme")), "abc");
		assertThat(stamped.payload()).isSameAs(payload);
		assertThat(stamped.headers()).isEqualTo(Map.of("tenant", "acme", "x-correlation-id", "abc"));
		Envelope explicit = new Envelope("orders", payload, Map.of("x-correlation-id", "mine"));
		assertThat(policy.write(explicit, "abc")).isSameAs(explicit);
		assertThat(policy.read(stamped)).isEqualTo("abc");
		assertThat(policy.read(Envelope.of("orders", Map.of("x-correlation-id", "abc")))).isNull();
		assertThat(policy.routesByCorrelation()).isTrue();
		assertThat(policy.usesHeaders()).isTrue();
		assertThat(policy.newId()).matches("[0-9a-f]{32}");
		assertThat(policy).hasToString("CorrelationPolicy.header(x-correlation-id)");
	}

	@Test // G-97
	void aHeaderPolicyWithAPrefixRefusesIdsOutsideItsNamespace() {
		CorrelationPolicy policy = CorrelationPolicy.header("x-correlation-id", "TEST-");
		assertThat(policy.newId()).matches("TEST-[0-9a-f]{32}");
		assertThatExceptionOfType(CorrelationIdNotInNamespaceException.class)
			.isThrownBy(() -> policy.write(Envelope.of("t", null), "PROD-1"))
			.withMessage("Correlation id 'PROD-1' is outside the 'TEST-' namespace; every id this policy writes or"
					+ " accepts must start with 'TEST-'");
		assertThatExceptionOfType(CorrelationIdNotInNamespaceException.class)
			.isThrownBy(() -> policy.write(new Envelope("t", null, Map.of("x-correlation-id", "PROD-2")), "TEST-1"))
			.withMessage("Correlation id 'PROD-2' is outside the 'TEST-' namespace; every id this policy writes or"
					+ " accepts must start with 'TEST-'");
		assertThat(policy).hasToString("CorrelationPolicy.header(x-correlation-id, prefix TEST-)");
	}

	@Test // G-97
	void aUserWrittenHeaderPolicySatisfiesTheInterface() {
		CorrelationPolicy policy = new TraceHeaderPolicy();
		Envelope stamped = policy.write(Envelope.of("t", "body"), "abc");
		assertThat(policy.read(stamped)).isEqualTo("abc");
		assertThat(stamped.payload()).isEqualTo("body");
		assertThat(policy.usesHeaders()).isTrue();
	}

	@Test
	void aPolicyExceptionNamesThePolicyTheMethodAndTheExceptionClassOnly() {
		IllegalStateException original = new IllegalStateException("payload SECRET");
		CorrelationPolicyException named = new CorrelationPolicyException(new TraceHeaderPolicy(), "read", original);
		assertThat(named).hasMessage("TraceHeaderPolicy.read raised java.lang.IllegalStateException")
			.hasCause(original);
		assertThat(named.getPolicyClass()).isEqualTo("TraceHeaderPolicy");
		assertThat(named.getMethod()).isEqualTo("read");
		CorrelationPolicy anonymous = new TraceHeaderPolicy() {
		};
		CorrelationPolicyException unnamed = new CorrelationPolicyException(anonymous, "newId", original);
		assertThat(unnamed)
			.hasMessage("dev.choreo.correlation.CorrelationPolicyTests$1.newId raised java.lang.IllegalStateException");
		assertThat(unnamed.getPolicyClass()).isEqualTo("dev.choreo.correlation.CorrelationPolicyTests$1");
	}

	@SuppressWarnings("NullAway")
	private static <T> T nothing() {
		return null;
	}

	static class TraceHeaderPolicy implements CorrelationPolicy {

		@Override
		public String newId() {
			return "trace-1";
		}

		@Override
		public Envelope write(Envelope envelope, String correlationId) {
			Map<String, String> headers = new LinkedHashMap<>(envelope.headers());
			headers.putIfAbsent("trace", correlationId);
			return envelope.withHeaders(headers);
		}

		@Override
		public @Nullable String read(Envelope envelope) {
			return envelope.headers().get("trace");
		}

		@Override
		public boolean routesByCorrelation() {
			return true;
		}

		@Override
		public boolean usesHeaders() {
			return true;
		}

	}

}
