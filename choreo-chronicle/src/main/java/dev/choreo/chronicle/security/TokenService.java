package dev.choreo.chronicle.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.ChronicleProperties;
import dev.choreo.chronicle.storage.SqlArgs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenant tokens: {@code chr_} and 43 characters of URL-safe Base64 from 32 random bytes
 * ({@link SecureRandom}), shown once when created. Only the SHA-256 of a token is stored.
 * A fast unsalted hash is enough here because the token itself carries 256 bits of
 * randomness: there is no dictionary to attack, so a slow, salted password hash would add
 * latency to every request without adding safety, and the plain hash lets a request find
 * its token through an index.
 *
 * @author Choreo
 */
@Service
public class TokenService {

	private static final String PREFIX = "chr_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final ChronicleProperties properties;

	TokenService(JdbcClient jdbc, ChronicleProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Create a token for a tenant, creating the tenant when it is new.
	 * @param tenantName the tenant (normalised by {@link TenantNames})
	 * @param scope what the token may do
	 * @param description a note stored with the token, or {@code null}
	 * @return the new token; its secret is not stored and cannot be shown again
	 */
	@Transactional
	public NewToken create(String tenantName, TokenScope scope, @Nullable String description) {
		String tenant = TenantNames.normalise(tenantName);
		long tenantId = tenantId(tenant);
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String prefix = token.substring(0, PREFIX.length() + 6);
		this.jdbc
			.sql("INSERT INTO tenant_tokens (tenant_id, token_hash, prefix, scope, description) VALUES (?, ?, ?, ?, ?)")
			.params(SqlArgs.of(tenantId, sha256(token), prefix, scope.value(), description))
			.update();
		return new NewToken(tenant, token, prefix, scope);
	}

	/**
	 * Find or create a tenant.
	 * @param tenant the normalised name
	 * @return its id
	 */
	public long tenantId(String tenant) {
		this.jdbc.sql("INSERT INTO tenants (name) VALUES (?) ON CONFLICT (name) DO NOTHING").param(tenant).update();
		return this.jdbc.sql("SELECT id FROM tenants WHERE name = ?").param(tenant).query(Long.class).single();
	}

	/**
	 * Resolve a bearer token.
	 * @param token the token as presented
	 * @return the caller, or empty when the token is unknown or revoked
	 */
	public Optional<Caller> resolve(String token) {
		String admin = this.properties.getAdminToken();
		if (admin != null && !admin.isEmpty() && MessageDigest.isEqual(sha256(admin), sha256(token))) {
			return Optional.of(Caller.admin());
		}
		if (!token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		List<Caller> callers = this.jdbc.sql("""
				SELECT t.id, t.name, k.scope FROM tenant_tokens k JOIN tenants t ON t.id = k.tenant_id
				WHERE k.token_hash = ? AND k.revoked_at IS NULL""")
			.param(sha256(token))
			.query((rs, row) -> new Caller(rs.getLong(1), rs.getString(2), TokenScope.of(rs.getString(3))))
			.list();
		return callers.stream().findFirst();
	}

	/**
	 * Return whether an admin token is configured.
	 * @return whether the admin API is on
	 */
	public boolean adminEnabled() {
		String admin = this.properties.getAdminToken();
		return admin != null && !admin.isEmpty();
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A token just created.
	 *
	 * @param tenant the tenant
	 * @param token the secret token, shown once
	 * @param prefix the first characters, stored to tell tokens apart
	 * @param scope what it may do
	 */
	public record NewToken(String tenant, String token, String prefix, TokenScope scope) {

		@Override
		public String toString() {
			return "NewToken[tenant=" + this.tenant + ", prefix=" + this.prefix + ", scope=" + this.scope + "]";
		}

	}

}
