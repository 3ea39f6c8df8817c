package dev.choreo.chronicle.security;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling: a tenant (through a tenant token) or the administrator (through the
 * admin token). Resolved from the {@code Authorization: Bearer} header for every API
 * request.
 *
 * @param tenantId the tenant's id, or {@code null} for the administrator
 * @param tenant the tenant's name, or {@code null} for the administrator
 * @param scope the token's scope, or {@code null} for the administrator
 * @author Choreo
 */
public record Caller(@Nullable Long tenantId, @Nullable String tenant, @Nullable TokenScope scope) {

	/**
	 * The administrator.
	 * @return the caller
	 */
	public static Caller admin() {
		return new Caller(null, null, null);
	}

	/**
	 * Return whether this is the administrator.
	 * @return whether the admin token was used
	 */
	public boolean isAdmin() {
		return this.tenantId == null;
	}

}
