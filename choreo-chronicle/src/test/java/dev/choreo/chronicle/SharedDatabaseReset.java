package dev.choreo.chronicle;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Empties the database shared by the API tests at the start of every test class (a
 * {@code @Nested} class included), so no class sees the rows of another. Every table of
 * the schema is truncated in one statement, except Flyway's history: the schema, the
 * migration state and the monthly measurement partitions stay, so the shared application
 * context stays valid (the partitions the {@code PartitionMaintainer} remembers still
 * exist). Identities continue rather than restart: an event id is never handed out twice,
 * so the event listener's last seen id and a client's {@code Last-Event-ID} from an
 * earlier class never stand above a new event, and a tenant id held by an earlier class's
 * token, session or stream never names a new tenant. Chronicle keeps no other state
 * across requests: tokens are resolved against the table on every request.
 */
class SharedDatabaseReset extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void beforeTestClass(TestContext testContext) {
		reset(testContext.getApplicationContext().getBean(JdbcClient.class));
	}

	/**
	 * Empty every table but Flyway's history.
	 * @param jdbc the shared database
	 */
	static void reset(JdbcClient jdbc) {
		List<String> tables = tables(jdbc);
		if (!tables.isEmpty()) {
			jdbc.sql("TRUNCATE " + String.join(", ", tables) + " CONTINUE IDENTITY CASCADE").update();
		}
	}

	/**
	 * Return the tables that a reset empties: every table of the current schema except
	 * Flyway's history, partitioned tables without their partitions.
	 * @param jdbc the shared database
	 * @return their quoted names
	 */
	static List<String> tables(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT quote_ident(c.relname) FROM pg_class c
				WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
				AND NOT c.relispartition AND c.relname <> 'flyway_schema_history' ORDER BY c.relname""")
			.query(String.class)
			.list();
	}

}
