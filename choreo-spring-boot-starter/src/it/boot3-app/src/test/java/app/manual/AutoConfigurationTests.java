package app.manual;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A context that imports Choreo's auto-configuration without Choreo's JUnit extension
 * (as a test with per-class lifecycle, or a hand-built context, does) is refused by the
 * auto-configuration itself; its failure analysis goes to the build log.
 */
class AutoConfigurationTests {

	static final String MESSAGE = "Choreo 0.1 supports Spring Boot 4.0 and 4.1; this application uses Spring Boot 3.5.7."
			+ " Upgrade the application to Spring Boot 4.0 or 4.1, or remove choreo-spring-boot-starter from its test"
			+ " dependencies.";

	@Test
	void refusesTheContextWithOneClearMessage() {
		SpringApplication application = new SpringApplication(ChoreoApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(application::run).havingRootCause().withMessage(MESSAGE);
	}

}
