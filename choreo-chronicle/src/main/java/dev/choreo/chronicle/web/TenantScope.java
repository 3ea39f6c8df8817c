package dev.choreo.chronicle.web;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.security.Caller;
import dev.choreo.chronicle.security.TenantNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides which tenant a read is for. A tenant token reads only its own tenant: a
 * {@code tenant} parameter naming another one is refused with 403. The admin token names
 * the tenant with the {@code tenant} parameter.
 *
 * @author Choreo
 */
@Component
class TenantScope {

	private final JdbcClient jdbc;

	TenantScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long tenantId(Caller caller, @Nullable String tenantParam) {
		Long own = caller.tenantId();
		if (own != null) {
			if (tenantParam != null && !TenantNames.normalise(tenantParam).equals(caller.tenant())) {
				throw ApiException.forbidden("This token belongs to another tenant");
			}
			return own;
		}
		if (tenantParam == null) {
			throw ApiException.unprocessable("The admin token reads a tenant named by the tenant parameter");
		}
		String name = TenantNames.normalise(tenantParam);
		Optional<Long> id = this.jdbc.sql("SELECT id FROM tenants WHERE name = ?")
			.param(name)
			.query(Long.class)
			.optional();
		return id.orElseThrow(() -> ApiException.notFound("No such tenant"));
	}

}
