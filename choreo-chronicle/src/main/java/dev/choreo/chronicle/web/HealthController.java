package dev.choreo.chronicle.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.choreo.chronicle.events.PgEventListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/health}: the database answers and the event listener is connected
 * (503 otherwise). The actuator's {@code /actuator/health} reports the same through its
 * indicators.
 *
 * @author Choreo
 */
@RestController
@ConditionalOnWebApplication
class HealthController {

	private final JdbcClient jdbc;

	private final PgEventListener listener;

	HealthController(JdbcClient jdbc, PgEventListener listener) {
		this.jdbc = jdbc;
		this.listener = listener;
	}

	@GetMapping("/api/v1/health")
	ResponseEntity<Map<String, Object>> health() {
		boolean database = databaseUp();
		boolean events = this.listener.isConnected();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", (database && events) ? "UP" : "DOWN");
		body.put("database", database ? "UP" : "DOWN");
		body.put("events", events ? "UP" : "DOWN");
		return ResponseEntity.status((database && events) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
	}

	private boolean databaseUp() {
		try {
			return this.jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
