package dev.choreo.transport;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The normalised form of an endpoint: lower-case host and port, with credentials, scheme
 * and path dropped. Purely textual: never resolves a name or opens a socket.
 *
 * @param host the lower-case host, without brackets for IPv6
 * @param port the port, or the default port of the category ({@code -1} when it has none)
 */
record HostPort(String host, int port) {

	private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_](?:[a-z0-9_.\\-]*[a-z0-9_.])?");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");

	private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

	private static final Pattern IPV4_LOOPBACK = Pattern
		.compile("(?:::ffff:)?127\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");

	private static final Set<String> IPV6_LOOPBACK = Set.of("::1", "0:0:0:0:0:0:0:1",
			"0000:0000:0000:0000:0000:0000:0000:0001");

	/**
	 * Parse an endpoint value: {@code scheme://[userinfo@]host[:port][/...]},
	 * {@code host:port}, a bare host, or a bracketed or bare IPv6 address.
	 * @param value the endpoint value
	 * @param category the category, for the default port
	 * @return the normalised form, or {@code null} when the value has no recognisable
	 * host
	 */
	static @Nullable HostPort parse(String value, EndpointCategory category) {
		UrlParts parts = UrlParts.strict(value);
		String hostPort = parts.hostPort().toLowerCase(Locale.ROOT);
		int defaultPort = defaultPort(parts.scheme(), category);
		if (hostPort.startsWith("[")) {
			return bracketed(hostPort, defaultPort);
		}
		int colon = hostPort.indexOf(':');
		if (colon < 0) {
			return of(hostPort, defaultPort);
		}
		if (hostPort.indexOf(':', colon + 1) >= 0) {
			return IPV6.matcher(hostPort).matches() ? new HostPort(hostPort, defaultPort) : null;
		}
		return of(hostPort.substring(0, colon), port(hostPort.substring(colon + 1)));
	}

	private static int defaultPort(@Nullable String scheme, EndpointCategory category) {
		if (category == EndpointCategory.AMQP && "amqps".equalsIgnoreCase(scheme)) {
			return 5671;
		}
		return category.defaultPort();
	}

	private static @Nullable HostPort bracketed(String hostPort, int defaultPort) {
		int close = hostPort.indexOf(']');
		if (close < 0) {
			return null;
		}
		String host = hostPort.substring(1, close);
		String after = hostPort.substring(close + 1);
		if (!IPV6.matcher(host).matches()) {
			return null;
		}
		if (after.isEmpty()) {
			return new HostPort(host, defaultPort);
		}
		int port = after.startsWith(":") ? port(after.substring(1)) : 0;
		return (port > 0) ? new HostPort(host, port) : null;
	}

	private static @Nullable HostPort of(String host, int port) {
		return (port != 0 && HOST_NAME.matcher(host).matches()) ? new HostPort(host, port) : null;
	}

	private static int port(String text) {
		if (!PORT.matcher(text).matches()) {
			return 0;
		}
		int port = Integer.parseInt(text);
		return (port <= 65535) ? port : 0;
	}

	/**
	 * Return whether the host is a loopback address: {@code localhost}, {@code 127.x.y.z}
	 * or {@code ::1}, judged from the text alone.
	 * @return whether the host is loopback
	 */
	boolean isLoopback() {
		return "localhost".equals(this.host) || IPV6_LOOPBACK.contains(this.host) || isIpv4Loopback();
	}

	private boolean isIpv4Loopback() {
		Matcher matcher = IPV4_LOOPBACK.matcher(this.host);
		if (!matcher.matches()) {
			return false;
		}
		for (int group = 1; group <= 3; group++) {
			if (Integer.parseInt(matcher.group(group)) > 255) {
				return false;
			}
		}
		return true;
	}

}
