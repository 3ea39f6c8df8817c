package dev.choreo.test.autoconfigure;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a {@link ChoreoTest @ChoreoTest} or {@link AutoConfigureChoreo
 * &#64;AutoConfigureChoreo} test class at once, with one clear message, when the
 * application's Spring Boot is not a line Choreo supports; registered before Spring's
 * extension, so the message comes before any class of another Spring Boot line fails to
 * load.
 */
final class SupportedSpringBootExtension implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		SupportedSpringBoot.check();
	}

}
