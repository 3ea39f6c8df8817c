package dev.choreo.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A connection to one messaging system, as Choreo's engine sees it: subscribe to topics,
 * publish messages, report what happened. Implementations exist for NATS, Kafka,
 * RabbitMQ, Redis, Spring Cloud Stream and memory; write your own to support another
 * broker.
 * <p>
 * A {@link dev.choreo.Harness} owns its transport: it checks {@link #endpoints()} against
 * its allowlist before calling {@link #connect(TransportListener)}, holds one
 * subscription per topic, and closes the transport when it closes. Implementations must
 * be thread-safe; inbound messages may be delivered on any thread, including
 * concurrently.
 *
 * @since 0.1.0
 */
public interface Transport extends AutoCloseable {

	/**
	 * Return the short name of this transport, such as {@code nats} or {@code kafka},
	 * used in reports, metrics and messages.
	 * @return the name
	 */
	String name();

	/**
	 * Return every network endpoint {@link #connect(TransportListener)} would contact.
	 * The harness checks them against its allowlist before connecting, so this method
	 * must not open any socket.
	 * @return the endpoints, empty for a transport that uses no network
	 */
	List<Endpoint> endpoints();

	/**
	 * Connect, resolving credentials if needed. Fails within the transport's connect
	 * timeout with a {@link TransportException} that names the endpoint (with any
	 * credentials redacted). Calling it when already connected does nothing.
	 * @param listener told when the connection is lost or restored
	 * @throws TransportException if the broker cannot be reached or refuses the
	 * credentials
	 */
	void connect(TransportListener listener);

	/**
	 * Return whether the transport is connected.
	 * @return {@code true} after a successful {@link #connect(TransportListener)} and
	 * before {@link #close()}
	 */
	boolean isConnected();

	/**
	 * Subscribe to a topic. The returned stage completes only once the broker has
	 * confirmed the subscription, so a message published after that is delivered. Each
	 * call is its own subscription.
	 * @param topic the topic, subject, routing key or channel; patterns where the
	 * transport supports them
	 * @param handler receives each message, on any thread
	 * @return a stage completed with the live subscription, or exceptionally with a
	 * {@link TransportException}
	 */
	CompletionStage<Subscription> subscribe(String topic, InboundHandler handler);

	/**
	 * Publish a message. The callback's {@link PublishCallback#onSent()} runs once the
	 * message is on its way (for transports with acknowledgements, once the broker
	 * acknowledged it); a failure is reported to
	 * {@link PublishCallback#onError(Throwable)}, never swallowed.
	 * @param message the message
	 * @param callback told when the message was sent or failed
	 * @throws TransportException if the transport is not connected
	 */
	void publish(TransportMessage message, PublishCallback callback);

	/**
	 * Return what this transport can carry.
	 * @return the capabilities
	 */
	TransportCapabilities capabilities();

	/**
	 * Return whether this transport delivers each message on the thread that publishes
	 * it, before {@code publish} returns, as the in-memory transport does. A harness then
	 * runs matchers and replies on that thread. For every other transport (the default)
	 * it runs them off the transport's delivery threads, in order per scenario, so slow
	 * user code never holds up another scenario's messages.
	 * @return whether delivery is synchronous with publishing
	 */
	default boolean synchronousDelivery() {
		return false;
	}

	/**
	 * Return the headers a reply to {@code trigger} must carry so that the requester
	 * recognises it, for example Kafka's correlation header for a request sent with a
	 * replying template. The default is none.
	 * @param trigger the message being replied to
	 * @return the headers to add to the reply
	 */
	default Map<String, String> replyHeaders(TransportMessage trigger) {
		return Map.of();
	}

	/**
	 * Close every subscription and connection. Calling it again does nothing.
	 */
	@Override
	void close();

}
