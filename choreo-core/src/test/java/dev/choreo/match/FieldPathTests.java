package dev.choreo.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static dev.choreo.match.TestPayloads.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FieldPathTests {

	@Test
	void parseSplitsOnDotsAndTurnsDigitSegmentsIntoIndexes() {
		assertThat(FieldPath.parse("items.0.id").parts()).containsExactly("items", 0, "id");
	}

	@Test
	void parseTurnsMinusDigitsIntoNegativeIndexes() {
		assertThat(FieldPath.parse("items.-1.id").parts()).containsExactly("items", -1, "id");
	}

	@Test
	void parseKeepsEmptyAndMixedSegmentsAsStrings() {
		assertThat(FieldPath.parse("a..1x.-.+1").parts()).containsExactly("a", "", "1x", "-", "+1");
		assertThat(FieldPath.parse("").parts()).containsExactly("");
		assertThat(FieldPath.parse("a.").parts()).containsExactly("a", "");
	}

	@Test
	void parseRejectsAnIndexOutsideTheIntRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> FieldPath.parse("ids.99999999999"))
			.withMessage("FieldPath \"ids.99999999999\" has index 99999999999 out of int range; "
					+ "use FieldPath.of(...) with a String part for a key");
	}

	@Test
	void ofUsesPartsExactlyAsGiven() {
		assertThat(FieldPath.of("trace.id").parts()).containsExactly("trace.id");
		assertThat(FieldPath.of("items", "0").parts()).containsExactly("items", "0");
		assertThat(FieldPath.of("items", 0).parts()).containsExactly("items", 0);
		assertThat(FieldPath.of().parts()).isEmpty();
	}

	@Test
	void ofRejectsPartsThatAreNeitherStringNorInteger() {
		assertThatIllegalArgumentException().isThrownBy(() -> FieldPath.of("a", 1L))
			.withMessage("FieldPath parts must be String or Integer, got java.lang.Long");
		assertThatIllegalArgumentException().isThrownBy(() -> FieldPath.of("a", (Object) "b".getBytes()))
			.withMessage("FieldPath parts must be String or Integer, got [B");
		assertThatIllegalArgumentException().isThrownBy(() -> FieldPath.of("a", null))
			.withMessage("FieldPath parts must be String or Integer, got null");
	}

	@Test
	void partsCannotBeModified() {
		List<Object> parts = FieldPath.parse("a.b").parts();
		assertThat(parts).isUnmodifiable();
	}

	@Test
	void displayFormTellsKeysFromIndexes() {
		assertThat(FieldPath.of("items", 0, "id")).hasToString("items[0].id");
		assertThat(FieldPath.parse("items.-1")).hasToString("items[-1]");
		assertThat(FieldPath.of("items", "0")).hasToString("items[\"0\"]");
		assertThat(FieldPath.of("trace.id")).hasToString("[\"trace.id\"]");
		assertThat(FieldPath.of("meta", "trace.id", "x")).hasToString("meta[\"trace.id\"].x");
		assertThat(FieldPath.of(35)).hasToString("[35]");
		assertThat(FieldPath.of(0, "id")).hasToString("[0].id");
		assertThat(FieldPath.of("a b", "", "q\"", "x[1]", "-1", "trace-id", "caf\u00e9"))
			.hasToString("[\"a b\"][\"\"][\"q\\\"\"][\"x[1]\"][\"-1\"].trace-id.caf\u00e9");
		assertThat(FieldPath.of()).hasToString("");
	}

	@Test
	void theSourceFormIsTheDottedStringWhenItParsesBack() {
		assertThat(FieldPath.of("items", 0, "id").source()).isEqualTo("\"items.0.id\"");
		assertThat(FieldPath.of(3).source()).isEqualTo("3");
		assertThat(FieldPath.of("items", "0").source()).isEqualTo("FieldPath.of(\"items\", \"0\")");
		assertThat(FieldPath.of("trace.id").source()).isEqualTo("FieldPath.of(\"trace.id\")");
		assertThat(FieldPath.of().source()).isEqualTo("FieldPath.of()");
	}

	@Test
	void equalPartsMakeEqualPaths() {
		assertThat(FieldPath.parse("items.0")).isEqualTo(FieldPath.of("items", 0))
			.hasSameHashCodeAs(FieldPath.of("items", 0));
		assertThat(FieldPath.parse("items.0")).isNotEqualTo(FieldPath.of("items", "0"));
	}

	@Test
	void walkingFollowsMapKeysAndListIndexes() {
		Object payload = map("items", List.of(map("id", "a"), map("id", "b")));
		assertThat(FieldPath.parse("items.0.id").resolve(payload)).isEqualTo("a");
		assertThat(FieldPath.parse("items.1.id").resolve(payload)).isEqualTo("b");
		assertThat(FieldPath.of().resolve(payload)).isSameAs(payload);
	}

	@Test
	void negativeIndexesCountFromTheEnd() {
		List<String> list = List.of("a", "b", "c");
		assertThat(FieldPath.of(-1).resolve(list)).isEqualTo("c");
		assertThat(FieldPath.of(-3).resolve(list)).isEqualTo("a");
		assertThat(FieldPath.of(-4).resolve(list)).isSameAs(FieldPath.MISSING);
		assertThat(FieldPath.of(3).resolve(list)).isSameAs(FieldPath.MISSING);
		assertThat(FieldPath.of(0).resolve(List.of())).isSameAs(FieldPath.MISSING);
	}

	@Test
	void aStringPartDoesNotIndexAList() {
		assertThat(FieldPath.of("0").resolve(List.of("a"))).isSameAs(FieldPath.MISSING);
	}

	@Test
	void anIntegerPartLooksUpAnIntegerKeyOnly() {
		assertThat(FieldPath.of(35).resolve(Map.of(35, "D"))).isEqualTo("D");
		assertThat(FieldPath.of(35).resolve(Map.of("35", "D"))).isSameAs(FieldPath.MISSING);
		assertThat(FieldPath.parse("x.0").resolve(map("x", map("0", "zero")))).isSameAs(FieldPath.MISSING);
		assertThat(FieldPath.of("x", "0").resolve(map("x", map("0", "zero")))).isEqualTo("zero");
	}

	@Test
	void aPresentNullIsNotMissing() {
		assertThat(FieldPath.of("a").resolve(map("a", null))).isNull();
		assertThat(FieldPath.of(0).resolve(Arrays.asList((Object) null))).isNull();
	}

	@Test
	void scalarsAndNullHaveNoChildren() {
		assertThat(FieldPath.of("a").resolve("text")).isSameAs(FieldPath.MISSING);
		assertThat(FieldPath.of(0).resolve(42)).isSameAs(FieldPath.MISSING);
		assertThat(FieldPath.of("a").resolve(null)).isSameAs(FieldPath.MISSING);
		assertThat(FieldPath.of("a", "b").resolve(map("a", null))).isSameAs(FieldPath.MISSING);
		assertThat(FieldPath.of(0).resolve(new byte[] { 1 })).isSameAs(FieldPath.MISSING);
	}

	@Test
	void walkingNeverThrowsOnMapsThatRejectTheKeyType() {
		TreeMap<String, Object> sorted = new TreeMap<>(Map.of("a", 1));
		assertThat(FieldPath.of(0).resolve(sorted)).isSameAs(FieldPath.MISSING);
		assertThat(FieldPath.of("a").resolve(sorted)).isEqualTo(1);
	}

	@Test
	void walkingSeesTheCurrentStateOfMutableLists() {
		List<Object> list = new ArrayList<>(List.of("a"));
		FieldPath last = FieldPath.of(-1);
		assertThat(last.resolve(list)).isEqualTo("a");
		list.add("b");
		assertThat(last.resolve(list)).isEqualTo("b");
	}

}
