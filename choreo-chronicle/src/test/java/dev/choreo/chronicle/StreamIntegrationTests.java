package dev.choreo.chronicle;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/stream: run.completed and anomaly.detected events, heartbeats,
 * Last-Event-ID replay.
 */
class StreamIntegrationTests extends ApiIntegrationTest {

	@Test
	void sendsRunCompletedForEveryPostedReport() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("stream"));
		try (SseClient stream = SseClient.open(api, token)) {
			long run = api.postReport(token, Reports.report().scenario(Reports.pass("orders", 5)).json())
				.json()
				.path("run_id")
				.asLong();
			SseClient.Item event = stream.nextEvent();
			assertThat(event.event()).isEqualTo("run.completed");
			assertThat(event.id()).isNotBlank();
			assertThat(event.json().path("run_id").asLong()).isEqualTo(run);
			assertThat(event.json().path("handles_ingested").asInt()).isEqualTo(1);
		}
	}

	@Test
	void sendsAnomalyDetectedAfterTheRun() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("anomalystream"));
		try (SseClient stream = SseClient.open(api, token)) {
			api.postReport(token, Reports.report().scenario(Reports.slow("audit", 40, 10)).json());
			assertThat(stream.nextEvent().event()).isEqualTo("run.completed");
			SseClient.Item anomaly = stream.nextEvent();
			assertThat(anomaly.event()).isEqualTo("anomaly.detected");
			assertThat(anomaly.json().path("method").asString()).isEqualTo("budget_violation");
			assertThat(anomaly.json().path("topic").asString()).isEqualTo("audit");
		}
	}

	@Test
	void sendsHeartbeatComments() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("heartbeat"));
		try (SseClient stream = SseClient.open(api, token)) {
			assertThat(stream.next().comment()).isEqualTo("heartbeat");
		}
	}

	@Test
	void replaysTheEventsAfterLastEventId() {
		Api api = api();
		String token = api.newTenant(uniqueTenant("replay"));
		String firstId;
		try (SseClient stream = SseClient.open(api, token)) {
			api.postReport(token,
					Reports.report().startedAt(Instant.now().minusSeconds(30)).scenario(Reports.pass("a", 1)).json());
			firstId = stream.nextEvent().id();
		}
		long second = api.postReport(token, Reports.report().scenario(Reports.pass("a", 1)).json())
			.json()
			.path("run_id")
			.asLong();
		long third = api.postReport(token, Reports.report().scenario(Reports.pass("a", 1)).json())
			.json()
			.path("run_id")
			.asLong();
		try (SseClient resumed = SseClient.open(api, token, "", firstId)) {
			assertThat(resumed.nextEvent().json().path("run_id").asLong()).isEqualTo(second);
			assertThat(resumed.nextEvent().json().path("run_id").asLong()).isEqualTo(third);
			long fourth = api.postReport(token, Reports.report().scenario(Reports.pass("a", 1)).json())
				.json()
				.path("run_id")
				.asLong();
			assertThat(resumed.nextEvent().json().path("run_id").asLong()).isEqualTo(fourth);
		}
	}

	@Test
	void needsAToken() {
		Api api = api();
		try (SseClient stream = SseClient.open(api, null, "", null)) {
			assertThat(stream.status()).isEqualTo(401);
		}
	}

}
