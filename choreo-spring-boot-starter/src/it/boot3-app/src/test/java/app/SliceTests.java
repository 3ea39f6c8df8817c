package app;

import dev.choreo.Scenario;
import dev.choreo.test.autoconfigure.ChoreoTest;
import org.junit.jupiter.api.Test;

/**
 * Fails by design on Spring Boot 3: verify.groovy checks the message.
 */
@ChoreoTest
class SliceTests {

	@Test
	void usesChoreo(Scenario scenario) {
		scenario.publish("orders", "order");
	}

}
