package dev.choreo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.match.MatchResult;
import dev.choreo.match.MessageMatcher;
import dev.choreo.match.Matchers;
import dev.choreo.transport.InMemoryTransport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random payloads through whole scenarios with random matchers: publishing and waiting
 * never throw, every handle resolves, and every near-miss says why. Property tests behind
 * checklist items B-10, B-11 and B-16.
 */
class ScenarioPropertyTests {

	@Provide
	Arbitrary<@Nullable Object> payloads() {
		return Arbitraries.frequencyOf(Tuple.of(4, JsonTrees.documents().map(Object.class::cast)),
				Tuple.of(2, JsonTrees.trees(2)), Tuple.of(2, JsonTrees.bytes().map(Object.class::cast)),
				Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY).map(Object.class::cast)));
	}

	@Provide
	Arbitrary<MessageMatcher> matchers() {
		return matchers(2);
	}

	private static Arbitrary<MessageMatcher> matchers(int depth) {
		Arbitrary<MessageMatcher> leaves = leaves();
		if (depth == 0) {
			return leaves;
		}
		Arbitrary<MessageMatcher> inner = matchers(depth - 1);
		return Arbitraries.frequencyOf(Tuple.of(4, leaves),
				Tuple.of(1,
						inner.list()
							.ofMinSize(1)
							.ofMaxSize(3)
							.map((list) -> Matchers.allOf(list.toArray(MessageMatcher[]::new)))),
				Tuple.of(1,
						inner.list()
							.ofMinSize(1)
							.ofMaxSize(3)
							.map((list) -> Matchers.anyOf(list.toArray(MessageMatcher[]::new)))),
				Tuple.of(1, inner.map(Matchers::not)), Tuple.of(1, inner.map(Matchers::every)),
				Tuple.of(1, inner.map(Matchers::anyElement)),
				Tuple.of(1, Combinators.combine(JsonTrees.keys(), inner).as((key, matcher) -> {
					Map<String, Object> spec = new java.util.LinkedHashMap<>();
					spec.put(key, matcher);
					return Matchers.containsFields(spec);
				})));
	}

	private static Arbitrary<MessageMatcher> leaves() {
		Arbitrary<String> paths = Arbitraries.of("a", "b", "status", "0", "a.0", "x.y", "correlation_id", "-1");
		Arbitrary<@Nullable Object> values = JsonTrees.scalars();
		Arbitrary<Object> comparable = Arbitraries.oneOf(Arbitraries.longs().between(-3, 3).map(Object.class::cast),
				Arbitraries.of("a", "m", "z").map(Object.class::cast));
		return Arbitraries
			.oneOf(Combinators.combine(paths, values).as(Matchers::fieldEquals),
					Combinators.combine(paths, values).as(Matchers::fieldNe),
					Combinators.combine(paths, comparable).as(Matchers::fieldGt),
					Combinators.combine(paths, comparable).as(Matchers::fieldLt), paths.map(Matchers::fieldExists),
					paths.map((path) -> Matchers.fieldMatches(path, "[a-z]*")), values.map(Matchers::valueEquals),
					comparable.map(Matchers::gt), comparable.map(Matchers::lt),
					values.list().ofMaxSize(3).map(Matchers::valueIn), Arbitraries.just(Matchers.exists()),
					Arbitraries.just(Matchers.anyPayload()),
					Arbitraries.just(Matchers.payloadContains(new byte[] { '{' })),
					Arbitraries.just(Matchers.headerEquals("tenant", "acme")),
					Arbitraries.just(Matchers.keyEquals("k")),
					Arbitraries.just(Matchers.satisfies("is a non-empty map",
							(Map<String, Object> map) -> assertThat(map).isNotEmpty())),
					Arbitraries.just(new Throwing()));
	}

	@Property(tries = 1000)
	void publishAndAwaitAllNeverThrowAndEveryNearMissSaysWhy(@ForAll("payloads") @Nullable Object payload,
			@ForAll("matchers") MessageMatcher matcher, @ForAll boolean correlated, @ForAll boolean typed) {
		Harness.Builder builder = Harness.builder(InMemoryTransport.create());
		if (correlated) {
			builder.correlation(CorrelationPolicy.field("correlation_id"));
		}
		try (Harness harness = builder.build().connect(); Scenario s = harness.scenario("random")) {
			Handle handle = typed ? s.expect("topic", Shape.class, matcher) : s.expect("topic", matcher);
			s.on("topic", matcher).publish("replies", (trigger) -> trigger);
			ScenarioResult result = s.publish("topic", payload).awaitAll(Duration.ZERO);
			Statistics.label("outcome").collect(handle.outcome());
			Statistics.label("outcome").coverage((coverage) -> {
				coverage.check(Outcome.PASS).percentage((percentage) -> percentage > 3);
				coverage.check(Outcome.FAIL).percentage((percentage) -> percentage > 10);
			});
			assertWellExplained(handle, result);
			if (handle.outcome() == Outcome.TIMEOUT) {
				assertThat(correlated && !takesTheScenariosId(payload))
					.as("only a payload that cannot carry the scenario's id, or carries another, keeps it away")
					.isTrue();
			}
			assertThat(result.failureSummary()).isNotBlank();
			assertThat(result.summary()).isNotBlank();
		}
	}

	/**
	 * A map, or text holding a JSON object, gets the scenario's id unless it already has
	 * the field.
	 */
	private static boolean takesTheScenariosId(@Nullable Object payload) {
		Object plain = (payload instanceof String text)
				? Codec.json().decode(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) : payload;
		return plain instanceof Map<?, ?> map && !map.containsKey("correlation_id");
	}

	@Property(tries = 300)
	void rawBytesThroughARawHarnessAreAlwaysExplained(@ForAll("bytesOnly") byte[] payload,
			@ForAll("matchers") MessageMatcher matcher) {
		try (Harness harness = Harness.builder(InMemoryTransport.create()).codec(Codec.raw()).build().connect();
				Scenario s = harness.scenario("raw")) {
			Handle handle = s.expect("topic", matcher);
			ScenarioResult result = s.publish("topic", payload).awaitAll(Duration.ZERO);
			assertThat(handle.outcome()).isIn(Outcome.PASS, Outcome.FAIL);
			assertWellExplained(handle, result);
		}
	}

	@Provide
	Arbitrary<byte[]> bytesOnly() {
		return JsonTrees.bytes();
	}

	private static void assertWellExplained(Handle handle, ScenarioResult result) {
		assertThat(handle.outcome()).isNotEqualTo(Outcome.PENDING);
		assertThat(handle.reason()).isNotBlank();
		if (handle.attempts() > 0) {
			assertThat(handle.lastMismatchReason()).isNotBlank();
			assertThat(handle.failures()).hasSize(Math.min(handle.attempts(), 20));
		}
		if (handle.outcome() == Outcome.FAIL) {
			assertThat(handle.attempts()).isPositive();
		}
		assertThat(result.timeline()).filteredOn((entry) -> entry.action() == TimelineAction.MISMATCHED)
			.allSatisfy((entry) -> assertThat(entry.detail()).isNotBlank());
		assertThat(result.handles()).containsExactly(handle);
		List<ReplyReport> replies = result.replies();
		assertThat(replies).allSatisfy((reply) -> assertThat(reply.candidateCount()).isLessThanOrEqualTo(2));
	}

	record Shape(@Nullable String status) {
	}

	static final class Throwing implements MessageMatcher {

		@Override
		public String description() {
			return "throws";
		}

		@Override
		public MatchResult match(@Nullable Object payload) {
			throw new IllegalStateException("boom");
		}

	}

}
