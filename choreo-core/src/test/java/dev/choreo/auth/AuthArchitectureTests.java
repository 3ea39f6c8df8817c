package dev.choreo.auth;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that credentials stay independent of transports.
 */
class AuthArchitectureTests {

	@Test
	void authNeverReferencesTheTransportPackage() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.choreo.auth");
		assertThat(classes.contain(Auth.class)).isTrue();
		noClasses().that()
			.resideInAPackage("dev.choreo.auth..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.choreo.transport..")
			.check(classes);
	}

}
