package dev.choreo.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.choreo.match.FieldPath;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.allOf;
import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.fieldEquals;
import static dev.choreo.match.Matchers.fieldExists;
import static dev.choreo.match.Matchers.fieldGt;
import static dev.choreo.match.Matchers.fieldIn;
import static dev.choreo.match.Matchers.gt;
import static dev.choreo.match.Matchers.headerEquals;
import static dev.choreo.match.Matchers.keyEquals;
import static dev.choreo.match.Matchers.ne;
import static dev.choreo.match.Matchers.not;
import static dev.choreo.match.Matchers.payloadContains;
import static org.assertj.core.api.Assertions.assertThat;

class RedactionTests {

	@Test
	void scrubsUrlCredentialsWhateverTheSchemeLength() {
		Redaction.Counts counts = new Redaction.Counts();
		assertThat(Redaction.scrub("amqp://admin:hunter2@rabbit:5672", counts))
			.isEqualTo("amqp://<redacted>@rabbit:5672");
		String longScheme = "x".repeat(200) + "://user:pass@host";
		assertThat(Redaction.scrub(longScheme, counts)).isEqualTo("x".repeat(200) + "://<redacted>@host");
		assertThat(counts.streamMatches()).isEqualTo(2);
	}

	@Test
	void leavesUserInfoWithoutAPasswordAlone() {
		assertThat(Redaction.scrub("ssh://git@example.org/repo", null)).isEqualTo("ssh://git@example.org/repo");
	}

	@Test
	void scrubsAMebibyteOfTextEndingInASecret() {
		// a long run of scheme characters is what a quadratic pattern would choke on; the
		// test asserts the result, not a time (a regression shows as a hang, not a flake)
		String text = "a".repeat(1024 * 1024) + " password=hunter2";
		String scrubbed = Redaction.scrub(text, null);
		assertThat(scrubbed).endsWith(" password=<redacted>");
	}

	@Test
	void matcherDescriptionsKeepPathsHeaderNamesAndKeysButHideValues() {
		assertThat(Redaction.matcherDescription(fieldEquals("account", "ACME-1").description()))
			.isEqualTo("fieldEquals(\"account\", <value>)");
		assertThat(Redaction.matcherDescription(
				containsFields(spec("account", "ACME-1", "qty", gt(3), "tags", List.of("a", -1.5e3))).description()))
			.isEqualTo("containsFields({\"account\":<value>,\"qty\":gt(<value>),\"tags\":[<value>,<value>]})");
		assertThat(Redaction.matcherDescription(
				allOf(fieldGt("items.0.qty", 5), headerEquals("trace-id", "t-1"), keyEquals("k-1"), not(ne("x")))
					.description()))
			.isEqualTo("allOf(fieldGt(\"items.0.qty\", <value>), headerEquals(\"trace-id\", <value>), "
					+ "keyEquals(<value>), not(ne(<value>)))");
		assertThat(Redaction.matcherDescription(fieldEquals(FieldPath.of("trace.id", 0), true).description()))
			.isEqualTo("fieldEquals(FieldPath.of(\"trace.id\", 0), <value>)");
		assertThat(Redaction.matcherDescription(fieldIn("tier", "gold", null).description()))
			.isEqualTo("fieldIn(\"tier\", <value>, <value>)");
		assertThat(Redaction.matcherDescription(payloadContains("PAID".getBytes(StandardCharsets.UTF_8)).description()))
			.isEqualTo("payloadContains(<value>)");
		assertThat(Redaction.matcherDescription(payloadContains("a\"b>c").description()))
			.isEqualTo("payloadContains(<value>)");
		assertThat(Redaction.matcherDescription(fieldExists("id").description())).isEqualTo("fieldExists(\"id\")");
	}

	@Test
	void customDescriptionsLoseOnlyTheValuesTheyAssign() {
		assertThat(Redaction.matcherDescription("account = 'ACME-1' and tier=gold"))
			.isEqualTo("account =<value> and tier=<value>");
		assertThat(Redaction.matcherDescription("qty over 5")).isEqualTo("qty over 5");
	}

	@Test
	void recordsAreRedactedLikeTheMapsJacksonWritesForThem() {
		assertThat(Redaction.redact(new Login("guest", "hunter2"), null))
			.isEqualTo(Map.of("user", "guest", "password", Redaction.REDACTED));
		assertThat(Redaction.redact(Map.of("login", new Login("guest", "hunter2")), null))
			.isEqualTo(Map.of("login", Map.of("user", "guest", "password", Redaction.REDACTED)));
	}

	private static Map<String, Object> spec(Object... keysAndValues) {
		Map<String, Object> spec = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			spec.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return spec;
	}

	record Login(String user, String password) {
	}

}
