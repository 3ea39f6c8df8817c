package dev.choreo.autoconfigure.metrics;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says once per application context that Choreo records no metrics because there is no
 * {@code MeterRegistry}, and how to get one.
 */
final class NoMetricsNotice implements SmartInitializingSingleton {

	static final String MESSAGE = "Choreo records no metrics: the application context has no MeterRegistry. To get"
			+ " choreo.expectation.latency and the other choreo.* meters, add io.micrometer:micrometer-core and"
			+ " org.springframework.boot:spring-boot-starter-actuator to the test class path, or define a"
			+ " SimpleMeterRegistry bean; set choreo.metrics.enabled=false to do without them.";

	private static final Log logger = LogFactory.getLog(NoMetricsNotice.class);

	@Override
	public void afterSingletonsInstantiated() {
		logger.info(MESSAGE);
	}

}
