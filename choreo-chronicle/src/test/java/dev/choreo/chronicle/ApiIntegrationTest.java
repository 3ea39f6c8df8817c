package dev.choreo.chronicle;

import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of the API tests: one Chronicle on a random port over one database of the real
 * PostgreSQL server, shared by every test class that extends this (Spring's context
 * cache). The database is emptied at the start of each test class
 * ({@link SharedDatabaseReset}); within a class each test uses tenants of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chronicle.admin-token=" + Api.ADMIN_TOKEN, "chronicle.sse.heartbeat=300ms",
				"chronicle.max-body-size=256KB" })
@TestExecutionListeners(listeners = SharedDatabaseReset.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@RequiresPostgres
abstract class ApiIntegrationTest {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestDatabase::shared);
		registry.add("spring.datasource.username", () -> TestDatabase.USER);
		registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
	}

	Api api() {
		return new Api(this.port);
	}

	static String uniqueTenant(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
