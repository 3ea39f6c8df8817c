package dev.choreo.chronicle.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event log behind Server-Sent Events. An event is a row in {@code events}; appending
 * it also sends {@code NOTIFY chronicle_events, '<id>'} in the same transaction, so every
 * instance that listens learns of it when (and only when) the transaction commits, and
 * reads the payload from the table. The table also serves {@code Last-Event-ID} replay.
 *
 * @author Choreo
 */
@Component
public class EventStore {

	/** The notification channel. */
	public static final String CHANNEL = "chronicle_events";

	private final JdbcClient jdbc;

	private final JsonMapper mapper;

	EventStore(JdbcClient jdbc, JsonMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	/**
	 * Append an event in the current transaction.
	 * @param tenantId the tenant it belongs to
	 * @param type the event type, {@code run.completed} or {@code anomaly.detected}
	 * @param payload the payload
	 * @return the event id
	 */
	public long append(long tenantId, String type, Map<String, ?> payload) {
		long id = this.jdbc.sql("INSERT INTO events (tenant_id, type, payload) VALUES (?, ?, ?::jsonb) RETURNING id")
			.params(tenantId, type, this.mapper.writeValueAsString(payload))
			.query(Long.class)
			.single();
		this.jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, Long.toString(id)).query().listOfRows();
		return id;
	}

	/**
	 * Read events by id.
	 * @param ids the ids
	 * @return the events, by id
	 */
	public List<Event> byIds(List<Long> ids) {
		return this.jdbc.sql("""
				SELECT e.id, e.tenant_id, e.type, e.payload::text, e.created_at FROM events e
				WHERE e.id = ANY(?) ORDER BY e.id""").param(ids.toArray(Long[]::new)).query(this::event).list();
	}

	/**
	 * Read the events of a tenant after an id, for replay.
	 * @param tenantId the tenant
	 * @param afterId the last id the client saw
	 * @param limit the most to return
	 * @return the events, oldest first
	 */
	public List<Event> after(long tenantId, long afterId, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM (SELECT e.id, e.tenant_id, e.type, e.payload::text, e.created_at FROM events e
				WHERE e.tenant_id = ? AND e.id > ? ORDER BY e.id DESC LIMIT ?) newest ORDER BY id""")
			.params(tenantId, afterId, limit)
			.query(this::event)
			.list();
	}

	/**
	 * Return the highest event id, or 0.
	 * @return the id
	 */
	public long lastId() {
		return this.jdbc.sql("SELECT coalesce(max(id), 0) FROM events").query(Long.class).single();
	}

	/**
	 * Read the events after an id of any tenant (catch-up after a lost listening
	 * connection).
	 * @param afterId the last id seen
	 * @param limit the most to return
	 * @return the events, oldest first
	 */
	public List<Event> afterAny(long afterId, int limit) {
		return this.jdbc.sql("""
				SELECT e.id, e.tenant_id, e.type, e.payload::text, e.created_at FROM events e
				WHERE e.id > ? ORDER BY e.id LIMIT ?""").params(afterId, limit).query(this::event).list();
	}

	private Event event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, java.time.OffsetDateTime.class).toInstant());
	}

	/**
	 * A stored event.
	 *
	 * @param id its id, also the SSE id
	 * @param tenantId its tenant
	 * @param type its type
	 * @param payload its JSON payload
	 * @param createdAt when it was appended
	 */
	public record Event(long id, long tenantId, String type, String payload, Instant createdAt) {

		/**
		 * Return when it was appended, in UTC.
		 * @return the time
		 */
		public java.time.OffsetDateTime createdAtUtc() {
			return this.createdAt.atOffset(ZoneOffset.UTC);
		}

	}

}
