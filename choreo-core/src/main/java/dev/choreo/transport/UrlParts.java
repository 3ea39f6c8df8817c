package dev.choreo.transport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint value split into scheme, user information, {@code host[:port]} and the rest
 * (path, query, fragment). Never resolves or contacts anything.
 * <p>
 * The strict form follows RFC 3986: the authority ends at the first {@code /}, {@code ?}
 * or {@code #}. It is what a client connects to, so the allowlist uses it. The lenient
 * form lets user information run to the last {@code @} before any query or fragment, so a
 * password with an unescaped {@code /} is still recognised as a secret; redaction uses
 * it, where hiding too much is harmless and hiding too little is not.
 *
 * @param scheme the scheme without {@code ://}, or {@code null}
 * @param userInfo the user information without {@code @}, or {@code null}
 * @param hostPort the {@code host[:port]} part, possibly empty
 * @param rest everything after the authority
 */
record UrlParts(@Nullable String scheme, @Nullable String userInfo, String hostPort, String rest) {

	private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*)://");

	static UrlParts strict(String value) {
		return parse(value, "/?#");
	}

	static UrlParts lenient(String value) {
		return parse(value, "?#");
	}

	private static UrlParts parse(String value, String userInfoStops) {
		Matcher matcher = SCHEME.matcher(value);
		String scheme = matcher.find() ? matcher.group(1) : null;
		int start = (scheme != null) ? matcher.end() : 0;
		int at = value.lastIndexOf('@', indexOfAny(value, userInfoStops, start) - 1);
		String userInfo = (at >= start) ? value.substring(start, at) : null;
		int hostStart = (userInfo != null) ? at + 1 : start;
		int hostEnd = indexOfAny(value, "/?#", hostStart);
		return new UrlParts(scheme, userInfo, value.substring(hostStart, hostEnd), value.substring(hostEnd));
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
