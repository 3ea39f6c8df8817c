package dev.choreo.autoconfigure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;

/**
 * Explains a {@code choreo.*} property whose value is not one of its constants (such as
 * {@code choreo.correlation.policy=sideways}), listing the valid values as they are
 * documented ({@code test-namespace}, not {@code TEST_NAMESPACE}). Runs before Spring
 * Boot's own analysis of binding failures, which lists the Java constants.
 */
final class InvalidChoreoPropertyValueFailureAnalyzer extends AbstractFailureAnalyzer<BindException>
		implements Ordered {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		ConfigurationProperty property = cause.getProperty();
		Class<?> type = cause.getTarget().getType().resolve();
		if (property == null || type == null || !type.isEnum()
				|| !property.getName().toString().startsWith("choreo.")) {
			return null;
		}
		String name = property.getName().toString();
		String description = "Invalid value for %s:%n%n    Value: \"%s\"%s%n".formatted(name, property.getValue(),
				origin(property.getOrigin()));
		String action = "Set %s to one of: %s.".formatted(name, validValues(type));
		return new FailureAnalysis(description, action, cause);
	}

	private static String origin(@Nullable Origin origin) {
		return (origin != null) ? "%n    Origin: %s".formatted(origin) : "";
	}

	static String validValues(Class<?> enumType) {
		return Arrays.stream(enumType.getEnumConstants())
			.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.collect(Collectors.joining(", "));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
