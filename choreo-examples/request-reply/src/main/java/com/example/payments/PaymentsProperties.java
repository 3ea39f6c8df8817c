package com.example.payments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the payment service finds NATS, and how long it waits for the fraud service.
 *
 * @param natsUrl the NATS server
 * @param fraudTimeout how long to wait for a fraud decision before holding a payment
 */
@ConfigurationProperties("payments")
public record PaymentsProperties(String natsUrl, Duration fraudTimeout) {

}
