package dev.choreo.chronicle.query;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.storage.SqlArgs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads tenants.
 *
 * @author Choreo
 */
@Service
public class TenantQueries {

	private final JdbcClient jdbc;

	TenantQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * List tenants with their run counts.
	 * @param tenantId only this tenant, or {@code null} for all (administrator)
	 * @return the tenants, by name
	 */
	public List<TenantView> list(@Nullable Long tenantId) {
		return this.jdbc.sql("""
				SELECT t.name, t.created_at, (SELECT count(*) FROM runs r WHERE r.tenant_id = t.id) AS runs,
					(SELECT max(r.started_at) FROM runs r WHERE r.tenant_id = t.id) AS last_run_at
				FROM tenants t WHERE (CAST(? AS bigint) IS NULL OR t.id = ?) ORDER BY t.name""")
			.params(SqlArgs.of(tenantId, tenantId))
			.query((rs, row) -> new TenantView(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getLong(3),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
	}

	/**
	 * A tenant.
	 *
	 * @param name its name
	 * @param createdAt when it was created
	 * @param runs how many runs it has
	 * @param lastRunAt when its latest run started, or {@code null}
	 */
	public record TenantView(String name, OffsetDateTime createdAt, long runs, @Nullable OffsetDateTime lastRunAt) {
	}

}
