package dev.choreo.transport;

import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Renders endpoint URLs without credentials, for messages, logs and reports.
 * <p>
 * User information ({@code user:password@}, {@code :password@} or {@code user@}) becomes
 * {@code <redacted>@}; the values of query parameters whose name suggests a secret
 * ({@code password}, {@code token}, {@code user} …, compared case-insensitively) become
 * {@code <redacted>}. Everything else (scheme, host, port, path, other parameters,
 * fragment) is kept as written. A value without credentials, such as {@code not-a-url},
 * is returned unchanged.
 * <p>
 * When in doubt it hides more rather than less: user information is taken to run to the
 * last {@code @} before the query, so a password containing an unescaped {@code /} is
 * still hidden.
 *
 * @since 0.1.0
 */
public final class SafeUrl {

	/** The text that replaces a secret. */
	public static final String REDACTED = "<redacted>";

	private static final Set<String> SECRET_PARAMETERS = Set.of("password", "passwd", "pwd", "pass", "token", "secret",
			"key", "auth", "credential", "credentials", "username", "user", "apikey", "api_key", "api-key",
			"access_token", "client_secret", "sasl.jaas.config");

	private static final String[] SECRET_WORDS = { "password", "secret", "token" };

	private SafeUrl() {
	}

	/**
	 * Return the URL with its credentials redacted.
	 * @param url the URL, or any text
	 * @return the URL without credentials, or the text unchanged when it carries none
	 */
	public static String redact(String url) {
		UrlParts parts = UrlParts.lenient(url);
		StringBuilder result = new StringBuilder();
		if (parts.scheme() != null) {
			result.append(parts.scheme()).append("://");
		}
		if (parts.userInfo() != null) {
			result.append(REDACTED).append('@');
		}
		return result.append(parts.hostPort()).append(redactRest(parts.rest())).toString();
	}

	private static String redactRest(String rest) {
		int query = rest.indexOf('?');
		if (query < 0) {
			return rest;
		}
		int fragment = rest.indexOf('#', query);
		int queryEnd = (fragment < 0) ? rest.length() : fragment;
		return rest.substring(0, query + 1) + redactQuery(rest.substring(query + 1, queryEnd))
				+ rest.substring(queryEnd);
	}

	private static String redactQuery(String query) {
		StringJoiner result = new StringJoiner("&");
		for (String parameter : query.split("&", -1)) {
			int equals = parameter.indexOf('=');
			boolean secret = equals >= 0 && isSecret(parameter.substring(0, equals));
			result.add(secret ? parameter.substring(0, equals + 1) + REDACTED : parameter);
		}
		return result.toString();
	}

	static boolean isSecret(String parameterName) {
		String name = parameterName.toLowerCase(Locale.ROOT);
		if (SECRET_PARAMETERS.contains(name)) {
			return true;
		}
		for (String word : SECRET_WORDS) {
			if (name.contains(word)) {
				return true;
			}
		}
		return false;
	}

}
