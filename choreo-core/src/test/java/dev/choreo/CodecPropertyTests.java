package dev.choreo;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codecs over random input: decoding never throws and yields plain values or the
 * bytes themselves, and JSON trees survive a round trip. Property tests behind checklist
 * items C-37 and C-38.
 */
class CodecPropertyTests {

	@Provide
	Arbitrary<byte[]> bytes() {
		return JsonTrees.bytes();
	}

	@Provide
	Arbitrary<Object> documents() {
		return JsonTrees.documents();
	}

	@Provide
	Arbitrary<@Nullable Object> scalars() {
		return JsonTrees.scalars().filter((value) -> !(value instanceof String));
	}

	@Property(tries = 2000)
	void jsonDecodingNeverThrowsAndYieldsPlainValuesOrTheBytes(@ForAll("bytes") byte[] bytes) {
		Object decoded = Codec.json().decode(bytes);
		assertThat(JsonTrees.isPlain(decoded)).as("plain value").isTrue();
		if (decoded instanceof byte[] raw) {
			assertThat(raw).isSameAs(bytes);
		}
	}

	@Property(tries = 1000)
	void rawDecodingReturnsTheBytesThemselves(@ForAll("bytes") byte[] bytes) {
		assertThat(Codec.raw().decode(bytes)).isSameAs(bytes);
		assertThat(Codec.raw().encode(bytes)).isSameAs(bytes);
	}

	@Property(tries = 1000)
	void jsonTreesRoundTrip(@ForAll("documents") Object document) {
		byte[] encoded = Codec.json().encode(document);
		assertThat(JsonTrees.normalise(Codec.json().decode(encoded))).isEqualTo(JsonTrees.normalise(document));
	}

	@Property(tries = 500)
	void jsonScalarsRoundTrip(@ForAll("scalars") @Nullable Object scalar) {
		byte[] encoded = Codec.json().encode(scalar);
		assertThat(JsonTrees.normalise(Codec.json().decode(encoded))).isEqualTo(JsonTrees.normalise(scalar));
	}

	@Property(tries = 500)
	void jsonEncodingIsCompact(@ForAll("documents") Object document) {
		String text = new String(Codec.json().encode(document), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(whitespaceOutsideStrings(text)).isZero();
		assertThat(List.of('{', '[')).contains(text.charAt(0));
	}

	private static int whitespaceOutsideStrings(String json) {
		int count = 0;
		boolean inString = false;
		boolean escaped = false;
		for (char c : json.toCharArray()) {
			if (inString) {
				if (escaped) {
					escaped = false;
				}
				else if (c == '\\') {
					escaped = true;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (Character.isWhitespace(c)) {
				count++;
			}
		}
		return count;
	}

	@Property(tries = 300)
	void stringsAreSentAsTheirText(@ForAll("text") String text) {
		assertThat(Codec.json().encode(text)).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Provide
	Arbitrary<String> text() {
		return Arbitraries.oneOf(JsonTrees.text(), Arbitraries.strings().ofMaxLength(20));
	}

}
