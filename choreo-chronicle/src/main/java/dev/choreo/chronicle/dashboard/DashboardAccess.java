package dev.choreo.chronicle.dashboard;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.security.Caller;
import dev.choreo.chronicle.security.TenantNames;
import dev.choreo.chronicle.security.TokenScope;
import dev.choreo.chronicle.security.TokenService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who looks at the dashboard. A person signs in with a tenant token once; the token is
 * kept in the server-side session only (the browser holds an HttpOnly session cookie) and
 * is resolved again on every page, so a revoked token ends the session. With
 * {@code chronicle.dashboard.open-tenant} set, a visitor without a session reads that
 * tenant with the read scope. Pages read only the caller's tenant, like the API with a
 * tenant token.
 *
 * @author Choreo
 */
@Component
class DashboardAccess {

	private static final String TOKEN = DashboardAccess.class.getName() + ".token";

	private static final String CSRF = DashboardAccess.class.getName() + ".csrf";

	private final SecureRandom random = new SecureRandom();

	private final TokenService tokens;

	private final JdbcClient jdbc;

	private final DashboardProperties properties;

	DashboardAccess(TokenService tokens, JdbcClient jdbc, DashboardProperties properties) {
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Return the caller of a page.
	 * @param request the request
	 * @return the caller, a tenant
	 * @throws SignInRequiredException when nobody is signed in and no tenant is open
	 */
	Caller caller(HttpServletRequest request) {
		return find(request).orElseThrow(SignInRequiredException::new);
	}

	Optional<Caller> find(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(TOKEN) instanceof String token) {
			Optional<Caller> caller = this.tokens.resolve(token).filter((found) -> !found.isAdmin());
			if (caller.isPresent()) {
				return caller;
			}
			session.invalidate();
		}
		return openTenant();
	}

	private Optional<Caller> openTenant() {
		String open = this.properties.getOpenTenant();
		if (open == null || open.isBlank()) {
			return Optional.empty();
		}
		String name = TenantNames.normalise(open);
		return this.jdbc.sql("SELECT id FROM tenants WHERE name = ?")
			.param(name)
			.query(Long.class)
			.optional()
			.map((id) -> new Caller(id, name, TokenScope.READ));
	}

	/**
	 * Sign in with a tenant token: a new session (never the one the browser came with)
	 * keeps it.
	 * @param request the request
	 * @param token the token as entered
	 * @return the caller, or empty when the token is not a known tenant token
	 */
	Optional<Caller> signIn(HttpServletRequest request, String token) {
		Optional<Caller> caller = this.tokens.resolve(token.trim()).filter((found) -> !found.isAdmin());
		if (caller.isPresent()) {
			HttpSession old = request.getSession(false);
			if (old != null) {
				old.invalidate();
			}
			HttpSession session = request.getSession(true);
			session.setAttribute(TOKEN, token.trim());
		}
		return caller;
	}

	boolean signedIn(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(TOKEN) != null;
	}

	void signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	/**
	 * Return the session's form token, creating it when needed. Forms that change data
	 * carry it.
	 * @param request the request
	 * @return the token
	 */
	String formToken(HttpServletRequest request) {
		HttpSession session = request.getSession(true);
		if (session.getAttribute(CSRF) instanceof String existing) {
			return existing;
		}
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		session.setAttribute(CSRF, token);
		return token;
	}

	boolean validFormToken(HttpServletRequest request, @Nullable String given) {
		HttpSession session = request.getSession(false);
		if (given == null || session == null || !(session.getAttribute(CSRF) instanceof String expected)) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Thrown when a page needs a signed-in tenant.
	 */
	static class SignInRequiredException extends RuntimeException {

		SignInRequiredException() {
			super("Sign in with a tenant token");
		}

	}

}
