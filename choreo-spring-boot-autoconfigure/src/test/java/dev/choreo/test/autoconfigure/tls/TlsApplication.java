package dev.choreo.test.autoconfigure.tls;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application that talks to Redis over TLS through an SSL bundle.
 */
@SpringBootApplication
public class TlsApplication {

}
