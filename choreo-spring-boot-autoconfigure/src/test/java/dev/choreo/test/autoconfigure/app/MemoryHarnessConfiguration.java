package dev.choreo.test.autoconfigure.app;

import dev.choreo.Harness;
import dev.choreo.transport.InMemoryTransport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A second harness beside the slice's NATS harness, for tests that choose between
 * several.
 */
@Configuration(proxyBeanMethods = false)
class MemoryHarnessConfiguration {

	@Bean(destroyMethod = "close")
	Harness memoryHarness() {
		return Harness.builder(InMemoryTransport.create()).name("memory").build();
	}

}
