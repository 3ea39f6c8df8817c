package dev.choreo.autoconfigure;

import java.util.Locale;

import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.EndpointNotAllowedException;
import dev.choreo.transport.SafeUrl;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains an allowlist refusal at start-up: which harness refused which endpoint
 * (credentials redacted), and the one line that allows it, in the spelling of the
 * {@code choreo.allowlist.*} property for the broker, or of the allowlist file when one
 * is in use.
 */
final class EndpointNotAllowedFailureAnalyzer extends AbstractFailureAnalyzer<EndpointNotAllowedException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EndpointNotAllowedException cause) {
		AllowlistRefusedException refusal = findCause(rootFailure, AllowlistRefusedException.class);
		String harness = (refusal != null) ? "Choreo's " + refusal.harness() + " harness" : "A Choreo harness";
		String file = (refusal != null) ? refusal.file() : null;
		EndpointCategory category = cause.category();
		String endpoint = SafeUrl.redact(cause.endpoint().value());
		String hostPort = hostPort(endpoint);
		String description = harness + " refused to connect to " + category.label() + " '" + endpoint
				+ "': it is not on the allowlist" + reason(hostPort, file) + ".";
		return new FailureAnalysis(description, action(category, hostPort, file), cause);
	}

	private static String reason(String hostPort, @Nullable String file) {
		if (isLoopback(hostPort)) {
			return (file != null) ? ", and allow_loopback is false in " + file
					: ", and choreo.allowlist.loopback is false";
		}
		return (file != null) ? " (" + file + ", set by choreo.allowlist.file)" : " (choreo.allowlist properties)";
	}

	private static String action(EndpointCategory category, String hostPort, @Nullable String file) {
		if (file == null) {
			return "If tests may use it, add it to the allowlist:%n%n    choreo.allowlist.%s=%s%n"
				.formatted(propertyName(category), hostPort);
		}
		return ("If tests may use it, add it to the allowlist file set by choreo.allowlist.file (%s):%n%n"
				+ "    %s:%n      - %s%n%nor remove choreo.allowlist.file and set choreo.allowlist.%s=%s"
				+ " (the choreo.allowlist.* lists are ignored while a file is set).%n")
			.formatted(file, category.key(), hostPort, propertyName(category), hostPort);
	}

	static String propertyName(EndpointCategory category) {
		return category.key().replace('_', '-').toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the host and port of a redacted endpoint: no scheme, no user information, no
	 * path or query.
	 */
	static String hostPort(String redacted) {
		String value = redacted;
		int scheme = value.indexOf("://");
		if (scheme >= 0) {
			value = value.substring(scheme + 3);
		}
		int at = value.lastIndexOf('@');
		if (at >= 0) {
			value = value.substring(at + 1);
		}
		for (char end : new char[] { '/', '?', '#' }) {
			int index = value.indexOf(end);
			if (index >= 0) {
				value = value.substring(0, index);
			}
		}
		return value;
	}

	private static boolean isLoopback(String hostPort) {
		String host = hostPort.toLowerCase(Locale.ROOT);
		if (host.startsWith("[")) {
			host = host.substring(1, Math.max(1, host.indexOf(']')));
		}
		else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) {
			host = host.substring(0, host.indexOf(':'));
		}
		return host.equals("localhost") || host.equals("::1") || host.matches("127(\\.[0-9]{1,3}){3}");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
