package dev.choreo.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
	void scrubsAMebibyteOfTextInLinearTime() {
		// a guard against a quadratic pattern (a long run of scheme characters), with
		// orders of magnitude of headroom: it is not a speed benchmark
		String text = "a".repeat(1024 * 1024) + " password=hunter2";
		String scrubbed = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Redaction.scrub(text, null));
		assertThat(scrubbed).endsWith(" password=<redacted>");
	}

}
