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

class PathTests {

	@Test
	void parseSplitsOnDotsAndTurnsDigitSegmentsIntoIndexes() {
		assertThat(Path.parse("items.0.id").parts()).containsExactly("items", 0, "id");
	}

	@Test
	void parseTurnsMinusDigitsIntoNegativeIndexes() {
		assertThat(Path.parse("items.-1.id").parts()).containsExactly("items", -1, "id");
	}

	@Test
	void parseKeepsEmptyAndMixedSegmentsAsStrings() {
		assertThat(Path.parse("a..1x.-.+1").parts()).containsExactly("a", "", "1x", "-", "+1");
		assertThat(Path.parse("").parts()).containsExactly("");
		assertThat(Path.parse("a.").parts()).containsExactly("a", "");
	}

	@Test
	void parseRejectsAnIndexOutsideTheIntRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> Path.parse("ids.99999999999"))
			.withMessage("Path 'ids.99999999999' has index 99999999999 out of int range; "
					+ "use Path.of(...) with a String part for a key");
	}

	@Test
	void ofUsesPartsExactlyAsGiven() {
		assertThat(Path.of("trace.id").parts()).containsExactly("trace.id");
		assertThat(Path.of("items", "0").parts()).containsExactly("items", "0");
		assertThat(Path.of("items", 0).parts()).containsExactly("items", 0);
		assertThat(Path.of().parts()).isEmpty();
	}

	@Test
	void ofRejectsPartsThatAreNeitherStringNorInteger() {
		assertThatIllegalArgumentException().isThrownBy(() -> Path.of("a", 1L))
			.withMessage("Path parts must be String or Integer, got java.lang.Long");
		assertThatIllegalArgumentException().isThrownBy(() -> Path.of("a", (Object) "b".getBytes()))
			.withMessage("Path parts must be String or Integer, got [B");
		assertThatIllegalArgumentException().isThrownBy(() -> Path.of("a", null))
			.withMessage("Path parts must be String or Integer, got null");
	}

	@Test
	void partsCannotBeModified() {
		List<Object> parts = Path.parse("a.b").parts();
		assertThat(parts).isUnmodifiable();
	}

	@Test
	void displayFormJoinsPartsWithDots() {
		assertThat(Path.of("items", 0, "id")).hasToString("items.0.id");
		assertThat(Path.of("trace.id")).hasToString("trace.id");
		assertThat(Path.of(35)).hasToString("35");
		assertThat(Path.of()).hasToString("");
	}

	@Test
	void equalPartsMakeEqualPaths() {
		assertThat(Path.parse("items.0")).isEqualTo(Path.of("items", 0)).hasSameHashCodeAs(Path.of("items", 0));
		assertThat(Path.parse("items.0")).isNotEqualTo(Path.of("items", "0"));
	}

	@Test
	void walkingFollowsMapKeysAndListIndexes() {
		Object payload = map("items", List.of(map("id", "a"), map("id", "b")));
		assertThat(Path.parse("items.0.id").resolve(payload)).isEqualTo("a");
		assertThat(Path.parse("items.1.id").resolve(payload)).isEqualTo("b");
		assertThat(Path.of().resolve(payload)).isSameAs(payload);
	}

	@Test
	void negativeIndexesCountFromTheEnd() {
		List<String> list = List.of("a", "b", "c");
		assertThat(Path.of(-1).resolve(list)).isEqualTo("c");
		assertThat(Path.of(-3).resolve(list)).isEqualTo("a");
		assertThat(Path.of(-4).resolve(list)).isSameAs(Path.MISSING);
		assertThat(Path.of(3).resolve(list)).isSameAs(Path.MISSING);
		assertThat(Path.of(0).resolve(List.of())).isSameAs(Path.MISSING);
	}

	@Test
	void aStringPartDoesNotIndexAList() {
		assertThat(Path.of("0").resolve(List.of("a"))).isSameAs(Path.MISSING);
	}

	@Test
	void anIntegerPartLooksUpAnIntegerKeyOnly() {
		assertThat(Path.of(35).resolve(Map.of(35, "D"))).isEqualTo("D");
		assertThat(Path.of(35).resolve(Map.of("35", "D"))).isSameAs(Path.MISSING);
		assertThat(Path.parse("x.0").resolve(map("x", map("0", "zero")))).isSameAs(Path.MISSING);
		assertThat(Path.of("x", "0").resolve(map("x", map("0", "zero")))).isEqualTo("zero");
	}

	@Test
	void aPresentNullIsNotMissing() {
		assertThat(Path.of("a").resolve(map("a", null))).isNull();
		assertThat(Path.of(0).resolve(Arrays.asList((Object) null))).isNull();
	}

	@Test
	void scalarsAndNullHaveNoChildren() {
		assertThat(Path.of("a").resolve("text")).isSameAs(Path.MISSING);
		assertThat(Path.of(0).resolve(42)).isSameAs(Path.MISSING);
		assertThat(Path.of("a").resolve(null)).isSameAs(Path.MISSING);
		assertThat(Path.of("a", "b").resolve(map("a", null))).isSameAs(Path.MISSING);
		assertThat(Path.of(0).resolve(new byte[] { 1 })).isSameAs(Path.MISSING);
	}

	@Test
	void walkingNeverThrowsOnMapsThatRejectTheKeyType() {
		TreeMap<String, Object> sorted = new TreeMap<>(Map.of("a", 1));
		assertThat(Path.of(0).resolve(sorted)).isSameAs(Path.MISSING);
		assertThat(Path.of("a").resolve(sorted)).isEqualTo(1);
	}

	@Test
	void walkingSeesTheCurrentStateOfMutableLists() {
		List<Object> list = new ArrayList<>(List.of("a"));
		Path last = Path.of(-1);
		assertThat(last.resolve(list)).isEqualTo("a");
		list.add("b");
		assertThat(last.resolve(list)).isEqualTo("b");
	}

}
