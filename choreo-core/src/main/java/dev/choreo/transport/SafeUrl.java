package dev.choreo.transport;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders endpoint URLs without credentials, for messages, logs and reports.
 * <p>
 * User information ({@code user:password@}) becomes {@code <redacted>@}; the values of
 * query parameters whose name suggests a secret ({@code password}, {@code token},
 * {@code user} …) become {@code <redacted>}. Everything else (scheme, host, port, path,
 * other parameters) is kept. A value that is not a URL is returned unchanged.
 *
 * @since 0.1.0
 */
public final class SafeUrl {

	/** The text that replaces a secret. */
	public static final String REDACTED = "<redacted>";

	private static final Pattern URL = Pattern
		.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]*://)([^/?#]*@)?([^?#]*)(\\?[^#]*)?(#.*)?$", Pattern.DOTALL);

	private static final Set<String> SECRET_PARAMETERS = Set.of("password", "passwd", "pwd", "pass", "token", "secret",
			"key", "auth", "credential", "credentials", "username", "user", "apikey", "api_key", "access_token",
			"sasl.jaas.config");

	private SafeUrl() {
	}

	/**
	 * Return the URL with its credentials redacted.
	 * @param url the URL, or any text
	 * @return the URL without credentials, or the text unchanged when it is not a URL
	 */
	public static String redact(String url) {
		Matcher matcher = URL.matcher(url);
		if (!matcher.matches()) {
			return url;
		}
		StringBuilder result = new StringBuilder(matcher.group(1));
		if (matcher.group(2) != null) {
			result.append(REDACTED).append('@');
		}
		result.append(matcher.group(3));
		String query = matcher.group(4);
		if (query != null) {
			result.append('?').append(redactQuery(query.substring(1)));
		}
		String fragment = matcher.group(5);
		if (fragment != null) {
			result.append(fragment);
		}
		return result.toString();
	}

	private static String redactQuery(String query) {
		StringBuilder result = new StringBuilder();
		for (String parameter : query.split("&", -1)) {
			if (result.length() > 0) {
				result.append('&');
			}
			int equals = parameter.indexOf('=');
			String name = (equals < 0) ? parameter : parameter.substring(0, equals);
			boolean secret = equals >= 0 && SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
			result.append(secret ? name + "=" + REDACTED : parameter);
		}
		return result.toString();
	}

}
