package dev.choreo.transport.redis;

import java.time.Duration;

/**
 * What a transport's builder configured, as its parts need it.
 *
 * @param mode pub/sub or streams
 * @param connectTimeout how long connecting may take
 * @param commandTimeout how long one command may take
 * @param clientName the name the connections show in {@code CLIENT LIST}
 * @param payloadField the stream field holding the payload
 * @param endpoint the endpoint without credentials, for messages
 * @param threadPrefix the prefix of the transport's thread names
 */
record RedisSettings(RedisMode mode, Duration connectTimeout, Duration commandTimeout, String clientName,
		String payloadField, String endpoint, String threadPrefix) {

}
