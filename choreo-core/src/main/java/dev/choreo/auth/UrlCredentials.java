package dev.choreo.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a broker URL carries user information, and shows a URL as
 * {@code scheme://host:port} alone. Kept here rather than shared with the transport
 * package so that credentials never depend on transports.
 */
final class UrlCredentials {

	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*://");

	private UrlCredentials() {
	}

	/**
	 * Return whether the URL has user information. It is taken to run to the last
	 * {@code @} before any query or fragment, so a password with an unescaped {@code /}
	 * still counts.
	 */
	static boolean present(String url) {
		return userInfoEnd(url) >= 0;
	}

	/**
	 * Return the scheme and {@code host[:port]} of the URL, without user information,
	 * path or query.
	 */
	static String schemeHostPort(String url) {
		int start = authorityStart(url);
		int hostStart = Math.max(start, userInfoEnd(url) + 1);
		int hostEnd = indexOfAny(url, "/?#", hostStart);
		return url.substring(0, start) + url.substring(hostStart, hostEnd);
	}

	private static int userInfoEnd(String url) {
		int start = authorityStart(url);
		int at = url.lastIndexOf('@', indexOfAny(url, "?#", start) - 1);
		return (at >= start) ? at : -1;
	}

	private static int authorityStart(String url) {
		Matcher matcher = SCHEME.matcher(url);
		return matcher.find() ? matcher.end() : 0;
	}

	private static int indexOfAny(String value, String characters, int from) {
		for (int i = from; i < value.length(); i++) {
			if (characters.indexOf(value.charAt(i)) >= 0) {
				return i;
			}
		}
		return value.length();
	}

}
