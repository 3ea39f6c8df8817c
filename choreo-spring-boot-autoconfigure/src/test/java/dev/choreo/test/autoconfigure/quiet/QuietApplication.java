package dev.choreo.test.autoconfigure.quiet;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application with nothing of its own, for a run that uses every broker.
 */
@SpringBootApplication
public class QuietApplication {

}
