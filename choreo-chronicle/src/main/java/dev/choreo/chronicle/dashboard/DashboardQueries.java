package dev.choreo.chronicle.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The few reads the dashboard needs beyond the API's query services: the choices of its
 * filters and a topic's latency budget.
 *
 * @author Choreo
 */
@Component
class DashboardQueries {

	private final JdbcClient jdbc;

	DashboardQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> branches(long tenantId) {
		return this.jdbc
			.sql("SELECT DISTINCT branch FROM runs WHERE tenant_id = ? AND branch IS NOT NULL ORDER BY branch")
			.param(tenantId)
			.query(String.class)
			.list();
	}

	List<String> environments(long tenantId) {
		return this.jdbc
			.sql("SELECT DISTINCT environment FROM runs WHERE tenant_id = ? AND environment IS NOT NULL"
					+ " ORDER BY environment")
			.param(tenantId)
			.query(String.class)
			.list();
	}

	/**
	 * The latency budget of a topic's latest measurement that had one.
	 */
	@Nullable Double budgetMs(long tenantId, long topicId) {
		return this.jdbc.sql("""
				SELECT budget_ms FROM measurements WHERE tenant_id = ? AND topic_id = ? AND budget_ms IS NOT NULL
				ORDER BY time DESC LIMIT 1""").params(tenantId, topicId).query(Double.class).optional().orElse(null);
	}

}
