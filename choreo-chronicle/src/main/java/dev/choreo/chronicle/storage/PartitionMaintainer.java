package dev.choreo.chronicle.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.choreo.chronicle.ChronicleProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the monthly partitions of {@code measurements} (declarative range partitioning on
 * {@code time}, UTC months, named {@code measurements_pYYYY_MM}): creates the current
 * month and {@code chronicle.partitions.ahead} months ahead, drops partitions that ended
 * longer than {@code chronicle.retention} ago (and hourly roll-ups as old), and makes
 * sure the partition of an incoming report exists before its transaction starts.
 *
 * @author Choreo
 */
@Component
public class PartitionMaintainer {

	private static final Logger logger = LoggerFactory.getLogger(PartitionMaintainer.class);

	private static final Pattern NAME = Pattern.compile("measurements_p(\\d{4})_(\\d{2})");

	private final JdbcClient jdbc;

	private final ChronicleProperties properties;

	private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

	PartitionMaintainer(JdbcClient jdbc, ChronicleProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Make sure the partition holding the given time exists (in its own transaction).
	 * @param time the time of the rows about to be written
	 */
	public void ensurePartition(Instant time) {
		YearMonth month = YearMonth.from(time.atOffset(ZoneOffset.UTC));
		if (!this.known.contains(month)) {
			this.jdbc.sql("SELECT chronicle_ensure_measurement_partition(?)")
				.param(time.atOffset(ZoneOffset.UTC))
				.query(String.class)
				.single();
			this.known.add(month);
		}
	}

	/**
	 * Create the partitions ahead and drop the expired ones.
	 */
	@Scheduled(initialDelay = 0, fixedDelayString = "${chronicle.partitions.maintenance-interval:1h}")
	public void maintain() {
		maintain(Instant.now());
	}

	/**
	 * Create the partitions ahead of a given time and drop those expired at that time.
	 * @param now the time to maintain for
	 * @return the names of the dropped partitions
	 */
	public List<String> maintain(Instant now) {
		YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
		for (int i = 0; i <= this.properties.getPartitions().getAhead(); i++) {
			ensurePartition(current.plusMonths(i).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
		}
		Instant cutoff = now.minus(this.properties.getRetention());
		List<String> dropped = new ArrayList<>();
		for (String name : partitions()) {
			YearMonth month = monthOf(name);
			if (month != null && !end(month).isAfter(cutoff)) {
				this.jdbc.sql("DROP TABLE IF EXISTS \"" + name + "\"").update();
				this.known.remove(month);
				dropped.add(name);
				logger.info("Dropped measurement partition {} (older than the retention of {})", name,
						this.properties.getRetention());
			}
		}
		this.jdbc.sql("DELETE FROM topic_latency_hourly WHERE bucket < ?")
			.param(cutoff.atOffset(ZoneOffset.UTC))
			.update();
		this.jdbc.sql("DELETE FROM events WHERE created_at < ?")
			.param(now.minus(this.properties.getSse().getEventRetention()).atOffset(ZoneOffset.UTC))
			.update();
		return dropped;
	}

	/**
	 * Return the names of the existing measurement partitions, oldest first.
	 * @return the names
	 */
	public List<String> partitions() {
		return this.jdbc.sql("""
				SELECT c.relname FROM pg_inherits i
				JOIN pg_class c ON c.oid = i.inhrelid
				JOIN pg_class p ON p.oid = i.inhparent
				WHERE p.relname = 'measurements' AND p.relnamespace = current_schema()::regnamespace
				ORDER BY c.relname""").query(String.class).list();
	}

	private static @Nullable YearMonth monthOf(String name) {
		Matcher matcher = NAME.matcher(name);
		return matcher.matches() ? YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))
				: null;
	}

	private static Instant end(YearMonth month) {
		LocalDate next = month.plusMonths(1).atDay(1);
		return next.atStartOfDay().toInstant(ZoneOffset.UTC);
	}

}
