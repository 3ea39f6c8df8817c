package dev.choreo.transport;

/**
 * What a transport can carry.
 *
 * @param headers whether messages carry headers both ways
 * @param keys whether messages carry a key (Kafka)
 * @param wildcards whether topics may be patterns (NATS subjects, Redis patterns)
 * @param replyTo whether inbound messages carry a reply address
 * @param broadcastFanout whether every subscription on a topic receives every message
 * @param orderedPerTopic whether messages on one topic arrive in the order they were
 * published
 * @since 0.1.0
 */
public record TransportCapabilities(boolean headers, boolean keys, boolean wildcards, boolean replyTo,
		boolean broadcastFanout, boolean orderedPerTopic) {

}
