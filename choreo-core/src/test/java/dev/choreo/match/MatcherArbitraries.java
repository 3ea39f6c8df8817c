package dev.choreo.match;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generators of JSON-like payloads, paths, literals and matchers built from every
 * factory.
 */
final class MatcherArbitraries {

	private MatcherArbitraries() {
	}

	static Arbitrary<String> keys() {
		return Arbitraries.of("a", "b", "status", "0", "1", "-1", "x.y", "");
	}

	static Arbitrary<Object> scalars() {
		return Arbitraries.oneOf(Arbitraries.strings().withChars("abAB01.-'\\\n\u00e9\u0000").ofMaxLength(6),
				Arbitraries.longs().between(-3, 3), Arbitraries.longs(), Arbitraries.integers().between(-3, 3),
				Arbitraries.doubles().withStandardSpecialValues(),
				Arbitraries.bigDecimals().between(BigDecimal.valueOf(-5), BigDecimal.valueOf(5)).ofScale(1),
				Arbitraries.of(true, false));
	}

	static Arbitrary<Object> json(int depth) {
		Arbitrary<Object> leaves = scalars().injectNull(0.1);
		if (depth == 0) {
			return leaves;
		}
		Arbitrary<Object> child = json(depth - 1);
		Arbitrary<Object> lists = child.list().ofMaxSize(4).map(Object.class::cast);
		Arbitrary<Object> maps = entries(keys(), child).map(MatcherArbitraries::toMap).map(Object.class::cast);
		return Arbitraries.frequencyOf(Tuple.of(3, leaves), Tuple.of(2, lists), Tuple.of(2, maps));
	}

	static Arbitrary<Object> payloads() {
		return Arbitraries.frequencyOf(Tuple.of(6, json(3)), Tuple.of(1, bytes()));
	}

	static Arbitrary<Object> bytes() {
		return Arbitraries.bytes().between((byte) 0, (byte) 3).array(byte[].class).ofMaxSize(6).map(Object.class::cast);
	}

	static Arbitrary<ReceivedMessage> messages() {
		Arbitrary<Map<String, String>> headers = Arbitraries.maps(keys(), Arbitraries.of("t-1", "x", "")).ofMaxSize(3);
		Arbitrary<String> key = Arbitraries.of("k-1", "k-2").injectNull(0.3);
		return Combinators.combine(payloads(), headers, key)
			.as((payload, headerMap, messageKey) -> new ReceivedMessage("t", payload,
					(payload instanceof byte[] raw) ? raw : new byte[0], headerMap, messageKey));
	}

	static Arbitrary<MessageMatcher> matchers() {
		return Arbitraries.recursive(MatcherArbitraries::leaves, MatcherArbitraries::composed, 0, 2);
	}

	private static Arbitrary<MessageMatcher> composed(Arbitrary<MessageMatcher> inner) {
		Arbitrary<List<MessageMatcher>> some = inner.list().ofMinSize(1).ofMaxSize(3);
		return Arbitraries.oneOf(some.map((list) -> Matchers.allOf(list.toArray(MessageMatcher[]::new))),
				some.map((list) -> Matchers.anyOf(list.toArray(MessageMatcher[]::new))), inner.map(Matchers::not),
				inner.map(Matchers::every), inner.map(Matchers::anyElement),
				specs(inner).map(Matchers::containsFields));
	}

	private static Arbitrary<MessageMatcher> leaves() {
		return Arbitraries.oneOf(fieldMatchers(dotted().map(PathForm::dotted)),
				fieldMatchers(Arbitraries.integers().between(-3, 3).map(PathForm::index)),
				fieldMatchers(paths().map(PathForm::path)), valueMatchers(), messageMatchers(), customMatchers(),
				specs(valueMatchers()).map(Matchers::containsFields),
				bytes().map((raw) -> Matchers.payloadContains((byte[]) raw)));
	}

	static Arbitrary<String> dotted() {
		return Arbitraries.oneOf(keys(), Arbitraries.integers().between(-3, 3).map(String::valueOf))
			.list()
			.ofMinSize(1)
			.ofMaxSize(3)
			.map((parts) -> String.join(".", parts));
	}

	static Arbitrary<FieldPath> paths() {
		return Arbitraries
			.oneOf(keys().map(Object.class::cast), Arbitraries.integers().between(-3, 3).map(Object.class::cast))
			.list()
			.ofMaxSize(3)
			.map((parts) -> FieldPath.of(parts.toArray()));
	}

	static Arbitrary<String> regexes() {
		return Arbitraries.of("a.*", "\\d+", "", "(a|b)+", "[A-Z]\\d", "x.y", "t-1");
	}

	private static Arbitrary<MessageMatcher> fieldMatchers(Arbitrary<PathForm> paths) {
		Arbitrary<Object> literals = json(1);
		Arbitrary<Object> bounds = scalars();
		return Arbitraries.oneOf(Combinators.combine(paths, literals).as(PathForm::fieldEquals),
				Combinators.combine(paths, literals).as(PathForm::fieldNe),
				Combinators.combine(paths, literals.list().ofMaxSize(3)).as(PathForm::fieldIn),
				Combinators.combine(paths, literals.list().ofMaxSize(3)).as(PathForm::fieldInVarargs),
				Combinators.combine(paths, bounds).as(PathForm::fieldGt),
				Combinators.combine(paths, bounds).as(PathForm::fieldLt), paths.map(PathForm::fieldExists),
				Combinators.combine(paths, regexes()).as(PathForm::fieldMatches));
	}

	static Arbitrary<MessageMatcher> valueMatchers() {
		Arbitrary<Object> literals = json(1);
		return Arbitraries.oneOf(literals.map(Matchers::valueEquals), literals.map(Matchers::ne),
				literals.list().ofMaxSize(3).map(Matchers::valueIn),
				literals.list().ofMaxSize(3).map((values) -> Matchers.valueIn(values.toArray())),
				scalars().map(Matchers::gt), scalars().map(Matchers::lt), regexes().map(Matchers::valueMatches),
				Arbitraries.just(Matchers.exists()));
	}

	private static Arbitrary<MessageMatcher> messageMatchers() {
		return Arbitraries.oneOf(Combinators.combine(keys(), Arbitraries.of("t-1", "x")).as(Matchers::headerEquals),
				keys().map(Matchers::headerExists), Combinators.combine(keys(), regexes()).as(Matchers::headerMatches),
				Arbitraries.of("k-1", "k-2").map(Matchers::keyEquals));
	}

	private static Arbitrary<MessageMatcher> customMatchers() {
		return Arbitraries.of(Matchers.anyPayload(),
				Matchers.satisfies((Object payload) -> assertThat(payload).isNotNull()),
				Matchers.satisfies("has a", (Map<String, Object> map) -> assertThat(map).containsKey("a")),
				Matchers.matching("is a list", (Object payload) -> payload instanceof List),
				Matchers.matching("is empty text", (String text) -> text != null && text.isEmpty()),
				HamcrestMatchers.from(org.hamcrest.Matchers.notNullValue()),
				HamcrestMatchers.from(org.hamcrest.Matchers.greaterThan(0L)),
				HamcrestMatchers.from(org.hamcrest.Matchers.hasKey("a")),
				HamcrestMatchers.from(org.hamcrest.Matchers.startsWith("a")));
	}

	static Arbitrary<Map<String, Object>> specs(Arbitrary<MessageMatcher> leaves) {
		Arbitrary<Object> values = Arbitraries.frequencyOf(Tuple.of(2, json(1)),
				Tuple.of(2, leaves.map(Object.class::cast)),
				Tuple.of(1, entries(keys(), json(1)).map(MatcherArbitraries::toMap).map(Object.class::cast)),
				Tuple.of(1, Arbitraries.<Object>oneOf(json(0), leaves).list().ofMaxSize(2).map(Object.class::cast)));
		return entries(keys(), values).map(MatcherArbitraries::toMap);
	}

	private static <V> Arbitrary<List<Tuple2<String, V>>> entries(Arbitrary<String> keys, Arbitrary<V> values) {
		return Combinators.combine(keys, values).as(Tuple::of).list().ofMaxSize(4);
	}

	private static <V> Map<String, Object> toMap(List<Tuple2<String, V>> entries) {
		Map<String, Object> map = new LinkedHashMap<>();
		entries.forEach((entry) -> map.put(entry.get1(), entry.get2()));
		return map;
	}

	/**
	 * One of the three path forms the field factories take.
	 */
	record PathForm(Object path) {

		static PathForm dotted(String path) {
			return new PathForm(path);
		}

		static PathForm index(int index) {
			return new PathForm(index);
		}

		static PathForm path(FieldPath path) {
			return new PathForm(path);
		}

		MessageMatcher fieldEquals(Object value) {
			return pick(Matchers::fieldEquals, Matchers::fieldEquals, Matchers::fieldEquals, value);
		}

		MessageMatcher fieldNe(Object value) {
			return pick(Matchers::fieldNe, Matchers::fieldNe, Matchers::fieldNe, value);
		}

		MessageMatcher fieldIn(List<Object> values) {
			return pick(Matchers::fieldIn, Matchers::fieldIn, Matchers::fieldIn, values);
		}

		MessageMatcher fieldInVarargs(List<Object> values) {
			Object[] array = values.toArray();
			if (this.path instanceof String dotted) {
				return Matchers.fieldIn(dotted, array);
			}
			return (this.path instanceof Integer index) ? Matchers.fieldIn(index, array)
					: Matchers.fieldIn((FieldPath) this.path, array);
		}

		MessageMatcher fieldGt(Object value) {
			return pick(Matchers::fieldGt, Matchers::fieldGt, Matchers::fieldGt, value);
		}

		MessageMatcher fieldLt(Object value) {
			return pick(Matchers::fieldLt, Matchers::fieldLt, Matchers::fieldLt, value);
		}

		MessageMatcher fieldExists() {
			if (this.path instanceof String dotted) {
				return Matchers.fieldExists(dotted);
			}
			return (this.path instanceof Integer index) ? Matchers.fieldExists(index)
					: Matchers.fieldExists((FieldPath) this.path);
		}

		MessageMatcher fieldMatches(String regex) {
			return pick(Matchers::fieldMatches, Matchers::fieldMatches, Matchers::fieldMatches, regex);
		}

		private <V> MessageMatcher pick(Factory<String, V> dotted, Factory<Integer, V> index,
				Factory<FieldPath, V> path, V value) {
			if (this.path instanceof String text) {
				return dotted.create(text, value);
			}
			return (this.path instanceof Integer number) ? index.create(number, value)
					: path.create((FieldPath) this.path, value);
		}

	}

	@FunctionalInterface
	interface Factory<P, V> {

		MessageMatcher create(P path, V value);

	}

}
