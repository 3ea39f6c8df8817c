package dev.choreo.junit.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SanitizerTests {

	private final List<Redactor> redactors = new ArrayList<>();

	private final Sanitizer sanitizer = new Sanitizer(() -> this.redactors);

	@Test
	void redactsSecretKeysInStructuredPayloads() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("password", "hunter2");
		payload.put("Api_Key", "k1");
		payload.put("API-KEY", "k2");
		payload.put("bearer", "b1");
		payload.put("username", "ada");
		payload.put("qty", 3);
		payload.put("credentials", Map.of("token", "t1", "nested", Map.of("secret", "s1", "user", "bob")));
		JsonNode json = this.sanitizer.payload(payload).node();
		assertThat(json.path("password").asString()).isEqualTo("<redacted>");
		assertThat(json.path("Api_Key").asString()).isEqualTo("<redacted>");
		assertThat(json.path("API-KEY").asString()).isEqualTo("<redacted>");
		assertThat(json.path("bearer").asString()).isEqualTo("<redacted>");
		assertThat(json.path("username").asString()).isEqualTo("ada");
		assertThat(json.path("qty").asInt()).isEqualTo(3);
		assertThat(json.path("credentials").path("token").asString()).isEqualTo("<redacted>");
		assertThat(json.path("credentials").path("nested").path("secret").asString()).isEqualTo("<redacted>");
		assertThat(json.path("credentials").path("nested").path("user").asString()).isEqualTo("bob");
		assertThat(this.sanitizer.fields()).isEqualTo(6);
	}

	@Test
	void scrubsSecretsOutOfStringsInsidePayloads() {
		JsonNode json = this.sanitizer.payload(Map.of("url", "amqp://admin:hunter2@broker:5672/vhost")).node();
		assertThat(json.path("url").asString()).isEqualTo("amqp://<redacted>@broker:5672/vhost");
		assertThat(this.sanitizer.streamMatches()).isEqualTo(1);
	}

	@Test
	void scrubsFreeTextButKeepsHostsAndPorts() {
		String text = this.sanitizer.longText("Authorization: Bearer abc.def\nX-API-Key: k-123\npassword=hunter2;"
				+ " url=amqp://admin:hunter2@rabbit:5672 user@host");
		assertThat(text).doesNotContain("abc.def", "k-123", "hunter2")
			.contains("rabbit:5672")
			.contains("user@host")
			.contains("<redacted>");
	}

	@Test
	void countsNothingForAnEmptyString() {
		assertThat(this.sanitizer.text("")).isEmpty();
		assertThat(this.sanitizer.payload("").node().asString()).isEmpty();
		assertThat(this.sanitizer.streamMatches()).isZero();
		assertThat(this.sanitizer.fields()).isZero();
	}

	@Test
	void runsUserRedactorsOnTextsAndOnStringsInsideStructures() {
		this.redactors.add(new Redactor() {

			@Override
			public String redact(String text) {
				return text.replaceAll("ACME-\\d+", "ACME-<redacted>");
			}

			@Override
			public boolean isSecretKey(String key) {
				return key.equals("iban");
			}

		});
		JsonNode json = this.sanitizer.payload(Map.of("account", "ACME-42", "iban", "DE00", "items", List.of("ACME-7")))
			.node();
		assertThat(json.path("account").asString()).isEqualTo("ACME-<redacted>");
		assertThat(json.path("iban").asString()).isEqualTo("<redacted>");
		assertThat(json.path("items").path(0).asString()).isEqualTo("ACME-<redacted>");
		assertThat(this.sanitizer.longText("failed for ACME-42")).isEqualTo("failed for ACME-<redacted>");
		assertThat(this.sanitizer.stream("order ACME-9", true, 0)).isEqualTo("order ACME-<redacted>");
		assertThat(this.sanitizer.text("reason ACME-1")).isEqualTo("reason ACME-<redacted>");
		assertThat(this.sanitizer.fields()).isEqualTo(1);
		assertThat(this.sanitizer.streamMatches()).isEqualTo(5);
	}

	@Test
	void findsRedactorsRegisteredAsServicesOrFromCode() {
		Redactor fromCode = (text) -> text.replace("CODE-SECRET", "<code-redacted>");
		ChoreoReport.registerRedactor(fromCode);
		try {
			Sanitizer global = new Sanitizer(ChoreoReport::redactors);
			assertThat(global.text("SERVICE-SECRET and CODE-SECRET"))
				.isEqualTo("<service-redacted> and <code-redacted>");
			assertThat(global.payload(Map.of("service_pin", "1234")).node().path("service_pin").asString())
				.isEqualTo("<redacted>");
		}
		finally {
			ChoreoReport.unregisterRedactor(fromCode);
		}
		assertThat(new Sanitizer(ChoreoReport::redactors).text("CODE-SECRET")).isEqualTo("CODE-SECRET");
	}

	@Test
	void runsUserRedactorsAfterTheBuiltInRedaction() {
		List<String> seen = new ArrayList<>();
		this.redactors.add((text) -> {
			seen.add(text);
			return text;
		});
		this.sanitizer.text("password=hunter2");
		assertThat(seen).containsExactly("password=<redacted>");
	}

	@Test
	void aRedactorThatThrowsNeverStopsTheOthers() {
		this.redactors.add((text) -> {
			throw new IllegalStateException("broken");
		});
		this.redactors.add((text) -> text.replace("ACME", "<company>"));
		assertThat(this.sanitizer.text("ACME password=hunter2")).isEqualTo("<company> password=<redacted>");
		JsonNode json = this.sanitizer.payload(Map.of("token", "t", "name", "ACME")).node();
		assertThat(json.path("token").asString()).isEqualTo("<redacted>");
		assertThat(json.path("name").asString()).isEqualTo("<company>");
	}

	@Test
	void leavesCapturedOutputUnscrubbedWhenStreamRedactionIsOff() {
		this.redactors.add((text) -> text.replace("ACME", "<company>"));
		assertThat(this.sanitizer.stream("ACME password=hunter2", false, 0)).isEqualTo("<company> password=hunter2");
		assertThat(this.sanitizer.stream("password=hunter2", true, 0)).isEqualTo("password=<redacted>");
	}

	@Test
	void turnsAStringOver2KiBIntoATruncationMarker() {
		String big = "x".repeat(3000);
		JsonNode json = this.sanitizer.payload(Map.of("blob", big)).node().path("blob");
		assertThat(json.path("_truncated").asBoolean()).isTrue();
		assertThat(json.path("_original_bytes").asInt()).isEqualTo(3000);
		assertThat(json.path("_head").asString()).hasSize(2048);
		assertThat(this.sanitizer.truncated()).isTrue();
	}

	@Test
	void turnsAPayloadOver8KiBIntoATruncationMarker() {
		Map<String, Object> payload = new LinkedHashMap<>();
		for (int i = 0; i < 10; i++) {
			payload.put("field" + i, "y".repeat(1000));
		}
		Sanitizer.Payload result = this.sanitizer.payload(payload);
		assertThat(result.truncated()).isTrue();
		assertThat(result.node().path("_truncated").asBoolean()).isTrue();
		assertThat(result.node().path("_original_bytes").asInt()).isGreaterThan(8192);
		assertThat(result.node().path("_head").asString()).hasSize(8192).startsWith("{\"field0\":\"yyy");
	}

	@Test
	void keepsTheLast64KiBOfAStreamWithAPrefix() {
		String stream = "a".repeat(10_000) + "b".repeat(64 * 1024);
		assertThat(this.sanitizer.stream(stream, true, 0))
			.isEqualTo("[10000 bytes truncated]\n" + "b".repeat(64 * 1024));
		assertThat(this.sanitizer.stream("a".repeat(10), true, 5)).isEqualTo("[5 bytes truncated]\n" + "a".repeat(10));
	}

	@Test
	void cutsLongFailureTextsAfterTheirFirst64KiB() {
		String text = this.sanitizer.longText("c".repeat(70_000));
		assertThat(text).startsWith("c".repeat(64 * 1024)).endsWith("\n[" + (70_000 - 64 * 1024) + " bytes truncated]");
	}

	@Test
	void neverSplitsACharacterWhenCutting() {
		assertThat(Sanitizer.headBytes("ééé", 5)).isEqualTo("éé");
		assertThat(Sanitizer.headBytes("a😀b", 4)).isEqualTo("a");
		assertThat(Sanitizer.headBytes("a😀b", 5)).isEqualTo("a😀");
	}

	@Test
	void marksAPayloadThatCannotBeJson() {
		JsonNode json = this.sanitizer.payload(new Explosive()).node();
		assertThat(json.path("_unserialisable").asBoolean()).isTrue();
		assertThat(json.path("_repr").asString()).isNotEmpty();
	}

	/**
	 * Bytes are never written as a JSON string, which a payload that was a JSON string
	 * would look the same as.
	 */
	@Test
	void writesBytesAsAMarkerWithTheirTextOrTheirHex() {
		assertThat(this.sanitizer.payload("héllo".getBytes(StandardCharsets.UTF_8)).node())
			.hasToString("{\"_bytes\":6,\"_text\":\"héllo\"}");
		assertThat(this.sanitizer.payload("password=hunter2".getBytes(StandardCharsets.UTF_8)).node())
			.hasToString("{\"_bytes\":16,\"_text\":\"password=<redacted>\"}");
		assertThat(this.sanitizer.payload(new byte[] { (byte) 0xff, 0x00 }).node())
			.hasToString("{\"_bytes\":2,\"_hex\":\"ff00\"}");
		assertThat(this.sanitizer.payload(new byte[0]).node()).hasToString("{\"_bytes\":0,\"_text\":\"\"}");
		assertThat(this.sanitizer.payload("héllo").node()).hasToString("\"héllo\"");
		assertThat(this.sanitizer.truncated()).isFalse();
	}

	@Test
	void cutsLongBytesAndSaysSo() {
		byte[] binary = new byte[5000];
		binary[0] = (byte) 0xff;
		JsonNode hex = this.sanitizer.payload(binary).node();
		assertThat(hex.path("_bytes").asInt()).isEqualTo(5000);
		assertThat(hex.path("_hex").asString()).hasSize(2048).startsWith("ff00");
		assertThat(hex.path("_truncated").asBoolean()).isTrue();
		JsonNode text = this.sanitizer.payload("y".repeat(3000).getBytes(StandardCharsets.UTF_8)).node();
		assertThat(text.path("_text").asString()).isEqualTo("y".repeat(2048));
		assertThat(text.path("_truncated").asBoolean()).isTrue();
		assertThat(this.sanitizer.truncated()).isTrue();
	}

	@Test
	void hidesTheValuesOfAReplyMatcher() {
		assertThat(this.sanitizer
			.replyDescription("allOf(fieldEquals(\"account\", \"ACME-1\"), fieldIn(\"tier\", \"gold\"))"))
			.isEqualTo("allOf(fieldEquals(\"account\", <value>), fieldIn(\"tier\", <value>))");
		assertThat(this.sanitizer.replyDescription("account = 'ACME-1' and tier = gold"))
			.isEqualTo("account =<value> and tier =<value>");
	}

	@Test
	void findsTheLastKeyOfAFailurePath() {
		assertThat(this.sanitizer.isSecretPath("a.b[0].password")).isTrue();
		assertThat(this.sanitizer.isSecretPath("password")).isTrue();
		assertThat(this.sanitizer.isSecretPath("creds[\"api-key\"]")).isTrue();
		assertThat(this.sanitizer.isSecretPath("[\"x.token\"]")).isFalse();
		assertThat(this.sanitizer.isSecretPath("[\"token\"][0][1]")).isTrue();
		assertThat(this.sanitizer.isSecretPath("tokens[0]")).isFalse();
		assertThat(this.sanitizer.isSecretPath("token[0]")).isTrue();
		assertThat(this.sanitizer.isSecretPath("header:authorization")).isTrue();
		assertThat(this.sanitizer.isSecretPath("header:trace-id")).isFalse();
		assertThat(this.sanitizer.isSecretPath("token.id")).isFalse();
		assertThat(this.sanitizer.isSecretPath("<root>")).isFalse();
	}

	@Test
	void convertsRecordsThroughJsonAndRedactsThem() {
		JsonNode json = this.sanitizer.payload(new Login("ada", "hunter2")).node();
		assertThat(json.toString()).isEqualTo("{\"user\":\"ada\",\"password\":\"<redacted>\"}");
	}

	record Login(String user, String password) {
	}

	static final class Explosive {

		public String getValue() {
			throw new IllegalStateException("boom");
		}

		@Override
		public String toString() {
			return "Explosive";
		}

	}

}
