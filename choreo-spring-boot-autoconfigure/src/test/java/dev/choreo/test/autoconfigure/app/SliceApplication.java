package dev.choreo.test.autoconfigure.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small application for the slice tests: a NATS responder, and components the slice
 * must leave out.
 */
@SpringBootApplication
public class SliceApplication {

}
