package dev.choreo.transport.redis;

import java.util.concurrent.CompletableFuture;

import dev.choreo.transport.InboundHandler;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.TransportMessage;
import org.springframework.data.redis.connection.RedisConnection;

/**
 * One way of carrying messages over Redis: pub/sub or streams.
 */
interface RedisMessaging extends AutoCloseable {

	/**
	 * Subscribe, completing once Redis confirmed the subscription.
	 * @param topic the channel, pattern or stream key
	 * @param handler receives each message
	 * @return the subscription, or a failure
	 */
	CompletableFuture<Subscription> subscribe(String topic, InboundHandler handler);

	/**
	 * Send a message, returning once Redis answered.
	 * @param connection the connection to send it on
	 * @param message the message
	 */
	void publish(RedisConnection connection, TransportMessage message);

	/**
	 * Stop delivering and release every subscription, thread and connection.
	 */
	@Override
	void close();

}
