package dev.choreo.chronicle.dashboard;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard's settings, under {@code chronicle.dashboard.*}.
 *
 * @author Choreo
 */
@ConfigurationProperties("chronicle.dashboard")
public class DashboardProperties {

	/**
	 * Tenant whose data the dashboard shows read-only to anyone who reaches it, without a
	 * token. Meant for a Chronicle on a developer's machine; unset, a person signs in
	 * with a tenant token.
	 */
	private @Nullable String openTenant;

	public @Nullable String getOpenTenant() {
		return this.openTenant;
	}

	public void setOpenTenant(@Nullable String openTenant) {
		this.openTenant = openTenant;
	}

}
