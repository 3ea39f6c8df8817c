package dev.choreo.transport.redis;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.choreo.transport.SafeUrl;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code redis://[user:password@]host[:port][/db]} or {@code rediss://} URL.
 * User information without a colon is a password, as Spring Boot reads it; percent
 * escapes in it are decoded. Messages show the URL through {@link SafeUrl} only.
 */
final class RedisUrl {

	static final int DEFAULT_PORT = 6379;

	private final String value;

	private final boolean tls;

	private final String host;

	private final int port;

	private final int database;

	private final @Nullable String userInfo;

	private RedisUrl(String value, boolean tls, String host, int port, int database, @Nullable String userInfo) {
		this.value = value;
		this.tls = tls;
		this.host = host;
		this.port = port;
		this.database = database;
		this.userInfo = userInfo;
	}

	/**
	 * Parse and check a URL.
	 * @param url the URL
	 * @return the parsed URL
	 * @throws IllegalArgumentException if it is blank or not a Redis URL
	 */
	static RedisUrl parse(@Nullable String url) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("Redis needs a URL, such as redis://127.0.0.1:6379");
		}
		String value = url.trim();
		int schemeEnd = value.indexOf("://");
		String scheme = (schemeEnd > 0) ? value.substring(0, schemeEnd).toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("redis") && !scheme.equals("rediss")) {
			throw invalid(value, "must start with redis:// or rediss://");
		}
		String rest = value.substring(schemeEnd + 3);
		if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
			throw invalid(value, "has a query or fragment; set options on the builder instead");
		}
		int at = rest.lastIndexOf('@');
		String userInfo = (at >= 0) ? rest.substring(0, at) : null;
		String afterUserInfo = rest.substring(at + 1);
		int slash = afterUserInfo.indexOf('/');
		String hostPort = (slash >= 0) ? afterUserInfo.substring(0, slash) : afterUserInfo;
		String path = (slash >= 0) ? afterUserInfo.substring(slash) : "";
		String host = host(value, hostPort);
		return new RedisUrl(value, scheme.equals("rediss"), host, port(value, hostPort), database(value, path),
				userInfo);
	}

	private static String host(String url, String hostPort) {
		String host;
		if (hostPort.startsWith("[")) {
			int close = hostPort.indexOf(']');
			host = (close > 0) ? hostPort.substring(1, close) : "";
		}
		else {
			int colon = hostPort.indexOf(':');
			host = (colon >= 0) ? hostPort.substring(0, colon) : hostPort;
		}
		if (host.isEmpty()) {
			throw invalid(url, "names no host");
		}
		return host;
	}

	private static int port(String url, String hostPort) {
		int close = hostPort.startsWith("[") ? hostPort.indexOf(']') : -1;
		int colon = hostPort.indexOf(':', close + 1);
		if (colon < 0) {
			return DEFAULT_PORT;
		}
		String text = hostPort.substring(colon + 1);
		if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
			throw invalid(url, "has an invalid port '" + text + "'");
		}
		return Integer.parseInt(text);
	}

	private static int database(String url, String path) {
		String text = path.startsWith("/") ? path.substring(1) : path;
		if (text.isEmpty()) {
			return 0;
		}
		if (!text.matches("[0-9]{1,5}")) {
			throw invalid(url, "has an invalid database '" + text + "'; use a number such as /0");
		}
		return Integer.parseInt(text);
	}

	private static IllegalArgumentException invalid(String url, String problem) {
		return new IllegalArgumentException("Redis URL '" + SafeUrl.redact(url) + "' " + problem);
	}

	/**
	 * Return the URL as configured, credentials included: for endpoints only.
	 */
	String value() {
		return this.value;
	}

	/**
	 * Return the URL without credentials.
	 */
	String safe() {
		return SafeUrl.redact(this.value);
	}

	boolean tls() {
		return this.tls;
	}

	String host() {
		return this.host;
	}

	int port() {
		return this.port;
	}

	int database() {
		return this.database;
	}

	boolean hasCredentials() {
		return this.userInfo != null;
	}

	/**
	 * Return the credentials in the URL, decoded into a fresh login.
	 * @return the login, empty when the URL carries none
	 */
	Login login() {
		if (this.userInfo == null) {
			return Login.none();
		}
		int colon = this.userInfo.indexOf(':');
		if (colon < 0) {
			return Login.of(null, decode(this.userInfo), null, null);
		}
		String user = decodeText(this.userInfo.substring(0, colon));
		return Login.of(user.isEmpty() ? null : user, decode(this.userInfo.substring(colon + 1)), null, null);
	}

	private static String decodeText(String text) {
		char[] chars = decode(text);
		return new String(chars);
	}

	private static char[] decode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		StringBuilder literal = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
				bytes.writeBytes(literal.toString().getBytes(StandardCharsets.UTF_8));
				literal.setLength(0);
				bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				literal.append(c);
			}
		}
		bytes.writeBytes(literal.toString().getBytes(StandardCharsets.UTF_8));
		return StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes.toByteArray())).toString().toCharArray();
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

	@Override
	public String toString() {
		return safe();
	}

}
