package dev.choreo.sample;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the order service.
 *
 * @param natsUrl the NATS server the fraud check goes through
 * @param fraudSubject the NATS subject of fraud check requests
 * @param fraudTimeout how long to wait for a fraud decision before the order goes to
 * review
 */
@ConfigurationProperties("sample")
public record SampleProperties(String natsUrl, String fraudSubject, Duration fraudTimeout) {

	public SampleProperties {
		natsUrl = (natsUrl != null) ? natsUrl : "nats://127.0.0.1:4222";
		fraudSubject = (fraudSubject != null) ? fraudSubject : "fraud.check";
		fraudTimeout = (fraudTimeout != null) ? fraudTimeout : Duration.ofSeconds(2);
	}

}
