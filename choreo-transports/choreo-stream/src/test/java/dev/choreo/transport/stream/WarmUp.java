package dev.choreo.transport.stream;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;

/**
 * Sends one message through a new application before its tests run, so that the
 * application's own lazily started parts (binder context, shared connections, schedulers)
 * exist before any test counts threads.
 */
final class WarmUp {

	private WarmUp() {
	}

	static void roundTrip(Transport transport) {
		String topic = "choreo.warmup." + UUID.randomUUID().toString().substring(0, 8);
		try (transport) {
			transport.connect(TransportListener.NONE);
			CompletableFuture<TransportMessage> received = new CompletableFuture<>();
			Subscription subscription = transport.subscribe(topic, received::complete)
				.toCompletableFuture()
				.get(60, TimeUnit.SECONDS);
			transport.publish(TransportMessage.of(topic, "warm".getBytes(StandardCharsets.UTF_8)),
					PublishCallback.NONE);
			received.get(60, TimeUnit.SECONDS);
			subscription.unsubscribe();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The application did not carry a first message", ex);
		}
	}

}
