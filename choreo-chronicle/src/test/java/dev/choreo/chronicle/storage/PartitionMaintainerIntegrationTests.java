package dev.choreo.chronicle.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.choreo.chronicle.ChronicleProperties;
import dev.choreo.chronicle.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionMaintainerIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

	private JdbcClient jdbc;

	private PartitionMaintainer maintainer;

	@BeforeEach
	void freshDatabase() {
		TestDatabases.assumePostgres();
		DriverManagerDataSource dataSource = TestDatabases.create("partitions");
		Flyway.configure().dataSource(dataSource).load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		ChronicleProperties properties = new ChronicleProperties();
		properties.setRetention(Duration.ofDays(90));
		properties.getPartitions().setAhead(2);
		this.maintainer = new PartitionMaintainer(this.jdbc, properties);
	}

	@Test
	void createsTheCurrentMonthAndTheMonthsAhead() {
		assertThat(this.maintainer.partitions()).isEmpty();
		this.maintainer.maintain(NOW);
		assertThat(this.maintainer.partitions()).containsExactly("measurements_p2026_06", "measurements_p2026_07",
				"measurements_p2026_08");
		this.maintainer.maintain(NOW);
		assertThat(this.maintainer.partitions()).hasSize(3);
	}

	@Test
	void routesRowsToTheirMonthsPartition() {
		this.maintainer.ensurePartition(Instant.parse("2026-02-28T23:59:59Z"));
		this.maintainer.ensurePartition(Instant.parse("2026-03-01T00:00:00Z"));
		insertMeasurement("2026-02-28T23:59:59Z");
		insertMeasurement("2026-03-01T00:00:00Z");
		assertThat(this.jdbc.sql("SELECT tableoid::regclass::text FROM measurements ORDER BY time")
			.query(String.class)
			.list()).containsExactly("measurements_p2026_02", "measurements_p2026_03");
	}

	@Test
	void dropsPartitionsThatEndedBeforeTheRetention() {
		for (String month : new String[] { "2026-01-10T00:00:00Z", "2026-02-10T00:00:00Z", "2026-03-10T00:00:00Z" }) {
			this.maintainer.ensurePartition(Instant.parse(month));
			insertMeasurement(month);
		}
		// retention 90 days before 2026-06-15T12:00Z is 2026-03-17T12:00Z: January and
		// February
		// ended before it, March did not
		assertThat(this.maintainer.maintain(NOW)).containsExactly("measurements_p2026_01", "measurements_p2026_02");
		assertThat(this.maintainer.partitions()).containsExactly("measurements_p2026_03", "measurements_p2026_06",
				"measurements_p2026_07", "measurements_p2026_08");
		assertThat(this.jdbc.sql("SELECT count(*) FROM measurements").query(Long.class).single()).isEqualTo(1);
		this.maintainer.ensurePartition(Instant.parse("2026-01-10T00:00:00Z"));
		assertThat(this.maintainer.partitions()).contains("measurements_p2026_01");
	}

	@Test
	void deletesHourlyRollupsOlderThanTheRetention() {
		long tenant = this.jdbc.sql("INSERT INTO tenants (name) VALUES ('t1') RETURNING id").query(Long.class).single();
		long topic = this.jdbc.sql(
				"INSERT INTO topics (tenant_id, name, first_seen, last_seen) VALUES (?, 'a', now(), now()) RETURNING id")
			.param(tenant)
			.query(Long.class)
			.single();
		for (String bucket : new String[] { "2026-03-17T11:00:00Z", "2026-03-17T12:00:00Z" }) {
			this.jdbc.sql("INSERT INTO topic_latency_hourly (tenant_id, topic_id, bucket) VALUES (?, ?, ?)")
				.params(tenant, topic, OffsetDateTime.parse(bucket))
				.update();
			this.jdbc.sql("INSERT INTO topic_latency_daily (tenant_id, topic_id, bucket) VALUES (?, ?, ?)")
				.params(tenant, topic, OffsetDateTime.parse(bucket))
				.update();
		}
		this.maintainer.maintain(NOW);
		assertThat(this.jdbc.sql("SELECT bucket FROM topic_latency_hourly").query(OffsetDateTime.class).list())
			.extracting((time) -> time.withOffsetSameInstant(ZoneOffset.UTC).toString())
			.containsExactly("2026-03-17T12:00Z");
		assertThat(this.jdbc.sql("SELECT count(*) FROM topic_latency_daily").query(Long.class).single()).isEqualTo(2);
	}

	private void insertMeasurement(String time) {
		this.jdbc
			.sql("""
					INSERT INTO measurements (time, tenant_id, run_id, scenario_id, topic_id, outcome, over_budget, attempts)
					VALUES (?, 1, 1, 1, 1, 'pass', false, 0)""")
			.param(OffsetDateTime.parse(time))
			.update();
	}

}
