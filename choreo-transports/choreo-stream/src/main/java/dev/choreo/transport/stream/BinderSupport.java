package dev.choreo.transport.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import dev.choreo.transport.Endpoint;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * What the transport does differently on each kind of binder: where the broker is, how to
 * tell that it answers, how a consumer binding is set up and known to be consuming, and
 * which headers carry keys and reply addresses.
 */
interface BinderSupport {

	/**
	 * Return the broker endpoints, read from the binder's configuration only.
	 * @return the endpoints, empty when the binder uses no network or is not known
	 */
	List<Endpoint> endpoints();

	/**
	 * Return whether messages carry a key.
	 * @return whether keys travel
	 */
	default boolean keys() {
		return false;
	}

	/**
	 * Return whether inbound messages carry a reply address.
	 * @return whether reply addresses travel
	 */
	default boolean replyTo() {
		return false;
	}

	/**
	 * Check that the broker answers.
	 * @param binder the binder
	 * @param timeout how long the check may take
	 * @throws dev.choreo.transport.TransportException if it does not
	 */
	default void probe(Binder<?, ?, ?> binder, Duration timeout) {
	}

	/**
	 * Prepare the consumer properties of one subscription.
	 * @param binder the binder
	 * @param destination the destination
	 * @param bindingName the binding name, unique to the subscription
	 * @param group the consumer group the transport was built with, {@code null} for an
	 * anonymous one per subscription
	 * @return the properties and what tells when the binding consumes
	 */
	ConsumerSetup consumerSetup(Binder<?, ?, ?> binder, String destination, String bindingName, @Nullable String group);

	/**
	 * Add the binder's key and reply headers to an outbound message.
	 * @param message the message
	 * @param builder the Spring message being built
	 */
	default void outbound(TransportMessage message, MessageBuilder<byte[]> builder) {
	}

	/**
	 * Return the key of an inbound message.
	 * @param headers the Spring message headers
	 * @return the key, or {@code null}
	 */
	default @Nullable String key(MessageHeaders headers) {
		return null;
	}

	/**
	 * Return the reply address of an inbound message.
	 * @param headers the Spring message headers
	 * @return the reply address, or {@code null}
	 */
	default @Nullable String replyTo(MessageHeaders headers) {
		return null;
	}

	/**
	 * Start telling a listener about connection loss and recovery, where the binder
	 * exposes them.
	 * @param binder the binder
	 * @param listener the listener
	 */
	default void listen(Binder<?, ?, ?> binder, TransportListener listener) {
	}

	/**
	 * Stop telling the listener.
	 */
	default void stopListening() {
	}

	/**
	 * Return whether the binder's connection to the broker is up, where the binder says;
	 * {@code true} where it cannot tell.
	 * @return whether the broker is reachable
	 */
	default boolean isUp() {
		return true;
	}

	/**
	 * The consumer properties of one subscription and what tells when its binding is
	 * consuming.
	 *
	 * @param properties the properties to bind with
	 * @param group the consumer group to bind in, {@code null} for an anonymous one
	 * @param readiness waits until the binding consumes
	 * @param afterBind runs once the binder has created the binding (or failed to)
	 */
	record ConsumerSetup(ConsumerProperties properties, @Nullable String group, Readiness readiness,
			Runnable afterBind) {

		static ConsumerSetup readyOnBind(ConsumerProperties properties, @Nullable String group) {
			return new ConsumerSetup(properties, group, (timeout) -> {
			}, () -> {
			});
		}

	}

	/**
	 * Waits until a consumer binding consumes.
	 */
	@FunctionalInterface
	interface Readiness {

		/**
		 * Wait until the binding consumes.
		 * @param timeout how long at most
		 * @throws TimeoutException if it does not within the timeout
		 * @throws ExecutionException if it cannot
		 * @throws InterruptedException if the thread is interrupted
		 */
		void await(Duration timeout) throws TimeoutException, ExecutionException, InterruptedException;

	}

	/**
	 * Return the base consumer properties of every subscription: one consumer, one
	 * attempt (the handler never throws), started at once.
	 * @param properties the properties to adjust
	 * @param bindingName the binding name
	 * @return the properties
	 */
	static <P extends ConsumerProperties> P base(P properties, String bindingName) {
		properties.setConcurrency(1);
		properties.setInstanceCount(1);
		properties.setInstanceIndex(0);
		properties.setMaxAttempts(1);
		properties.setAutoStartup(true);
		properties.setBatchMode(false);
		properties.setMultiplex(false);
		properties.setPartitioned(false);
		properties.populateBindingName(bindingName);
		return properties;
	}

}
