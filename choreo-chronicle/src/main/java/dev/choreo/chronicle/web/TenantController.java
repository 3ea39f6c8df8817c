package dev.choreo.chronicle.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.query.TenantQueries;
import dev.choreo.chronicle.security.Caller;
import dev.choreo.chronicle.security.TokenScope;
import dev.choreo.chronicle.security.TokenService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tenants: a tenant token sees its own tenant, the admin token all of them; the admin
 * token also creates tenant tokens.
 *
 * @author Choreo
 */
@RestController
class TenantController {

	private final TenantQueries tenants;

	private final TokenService tokens;

	TenantController(TenantQueries tenants, TokenService tokens) {
		this.tenants = tenants;
		this.tokens = tokens;
	}

	@GetMapping("/api/v1/tenants")
	List<TenantQueries.TenantView> list(Caller caller) {
		return this.tenants.list(caller.tenantId());
	}

	@PostMapping("/api/v1/admin/tenants/{tenant}/tokens")
	ResponseEntity<Map<String, Object>> createToken(Caller caller, @PathVariable String tenant,
			@RequestBody(required = false) @Nullable TokenRequest request) {
		if (!caller.isAdmin()) {
			throw ApiException.forbidden("Creating tokens needs the admin token");
		}
		TokenScope scope = scope(request);
		TokenService.NewToken token = this.tokens.create(tenant, scope,
				(request != null) ? request.description() : null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("tenant", token.tenant());
		body.put("token", token.token());
		body.put("prefix", token.prefix());
		body.put("scope", token.scope().value());
		body.put("note", "The token is shown once; Chronicle keeps only its SHA-256");
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}

	private static TokenScope scope(@Nullable TokenRequest request) {
		String scope = (request != null) ? request.scope() : null;
		if (scope == null) {
			return TokenScope.INGEST;
		}
		try {
			return TokenScope.of(scope);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.unprocessable("scope must be ingest or read");
		}
	}

	/**
	 * The body of a token request.
	 *
	 * @param scope ingest (default) or read
	 * @param description a note stored with the token
	 */
	record TokenRequest(@Nullable String scope, @Nullable String description) {
	}

}
