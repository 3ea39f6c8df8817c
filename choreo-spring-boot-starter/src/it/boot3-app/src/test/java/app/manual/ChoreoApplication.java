package app.manual;

import dev.choreo.test.autoconfigure.AutoConfigureChoreo;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application configuration that imports Choreo's auto-configuration, in a package of
 * its own so the other tests do not find it.
 */
@SpringBootApplication
@AutoConfigureChoreo
class ChoreoApplication {

}
