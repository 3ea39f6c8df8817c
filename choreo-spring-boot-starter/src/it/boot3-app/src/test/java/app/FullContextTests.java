package app;

import dev.choreo.Scenario;
import dev.choreo.test.autoconfigure.AutoConfigureChoreo;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Fails by design on Spring Boot 3: verify.groovy checks the message.
 */
@SpringBootTest
@AutoConfigureChoreo
class FullContextTests {

	@Test
	void usesChoreo(Scenario scenario) {
		scenario.publish("orders", "order");
	}

}
