package dev.choreo.test.autoconfigure.app;

import java.nio.charset.StandardCharsets;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;

import org.springframework.stereotype.Component;

/**
 * Answers NATS requests on {@code quotes.request} with a fixed price: a messaging
 * component.
 */
@Component
public class PriceQuoter {

	private final Dispatcher dispatcher;

	PriceQuoter(Connection connection) {
		this.dispatcher = connection.createDispatcher((message) -> connection.publish(message.getReplyTo(),
				"{\"price\":42}".getBytes(StandardCharsets.UTF_8)));
		this.dispatcher.subscribe("quotes.request");
	}

}
