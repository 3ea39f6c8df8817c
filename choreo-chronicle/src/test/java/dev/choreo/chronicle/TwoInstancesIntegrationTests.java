package dev.choreo.chronicle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Chronicle instances on one database: events reach the streams of both through
 * LISTEN/NOTIFY, also after the listening connections were cut, and a client that moves
 * to the other instance with Last-Event-ID gets the events it missed.
 */
@RequiresPostgres
class TwoInstancesIntegrationTests {

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		String url = TestDatabase.create("instances");
		first = start(url);
		second = start(url);
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	@Test
	void aRunPostedToOneInstanceReachesAStreamOfTheOther() {
		Api a = api(first);
		Api b = api(second);
		String token = a.newTenant("two-instances");
		try (SseClient stream = SseClient.open(b, token)) {
			long run = a.postReport(token, Reports.report().scenario(Reports.slow("audit", 40, 10)).json())
				.json()
				.path("run_id")
				.asLong();
			SseClient.Item completed = stream.nextEvent();
			assertThat(completed.event()).isEqualTo("run.completed");
			assertThat(completed.json().path("run_id").asLong()).isEqualTo(run);
			SseClient.Item anomaly = stream.nextEvent();
			assertThat(anomaly.event()).isEqualTo("anomaly.detected");
			assertThat(anomaly.json().path("run_id").asLong()).isEqualTo(run);
		}
	}

	@Test
	void eventsStillArriveAfterTheListeningConnectionsWereCut() {
		Api a = api(first);
		Api b = api(second);
		String token = a.newTenant("cut-connections");
		try (SseClient stream = SseClient.open(b, token)) {
			int cut = first.getBean(JdbcClient.class)
				.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
						+ " WHERE application_name = 'chronicle-event-listener' AND datname = current_database()")
				.query(Integer.class)
				.single();
			assertThat(cut).isEqualTo(2);
			long run = a.postReport(token, Reports.report().scenario(Reports.pass("orders", 4)).json())
				.json()
				.path("run_id")
				.asLong();
			assertThat(stream.nextEvent().json().path("run_id").asLong()).isEqualTo(run);
		}
	}

	@Test
	void aClientReconnectingToTheOtherInstanceWithLastEventIdGetsWhatItMissed() {
		Api a = api(first);
		Api b = api(second);
		String token = a.newTenant("reconnect-elsewhere");
		String lastSeen;
		try (SseClient stream = SseClient.open(a, token)) {
			a.postReport(token, Reports.report().scenario(Reports.pass("orders", 3)).json());
			lastSeen = stream.nextEvent().id();
		}
		long missed = a.postReport(token, Reports.report().scenario(Reports.pass("orders", 4)).json())
			.json()
			.path("run_id")
			.asLong();
		try (SseClient resumed = SseClient.open(b, token, "", lastSeen)) {
			SseClient.Item replayed = resumed.nextEvent();
			assertThat(replayed.event()).isEqualTo("run.completed");
			assertThat(replayed.json().path("run_id").asLong()).isEqualTo(missed);
			assertThat(Long.parseLong(replayed.id())).isGreaterThan(Long.parseLong(lastSeen));
			long live = a.postReport(token, Reports.report().scenario(Reports.pass("orders", 5)).json())
				.json()
				.path("run_id")
				.asLong();
			assertThat(resumed.nextEvent().json().path("run_id").asLong()).isEqualTo(live);
		}
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(ChronicleApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.USER,
				"--spring.datasource.password=" + TestDatabase.PASSWORD, "--chronicle.admin-token=" + Api.ADMIN_TOKEN,
				"--spring.jmx.enabled=false");
	}

}
