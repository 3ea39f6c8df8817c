package dev.choreo.transport.redis;

/**
 * How a {@link RedisTransport} carries messages.
 *
 * @since 0.1.0
 */
public enum RedisMode {

	/**
	 * Pub/sub: a topic is a channel, or a pattern when it contains {@code *}, {@code ?}
	 * or {@code [}. Messages carry a payload only, and only subscribers connected at the
	 * moment of {@code PUBLISH} receive them.
	 */
	PUB_SUB,

	/**
	 * Streams: a topic is a stream key; {@code publish} appends an entry with
	 * {@code XADD}, subscriptions read new entries with a blocking {@code XREAD}. Headers
	 * travel as entry fields.
	 */
	STREAMS

}
