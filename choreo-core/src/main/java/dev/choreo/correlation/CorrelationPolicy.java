package dev.choreo.correlation;

import org.jspecify.annotations.Nullable;

/**
 * Decides how a scenario's correlation id is generated, stamped onto the messages it
 * publishes and read back from the messages it receives. With a routing policy,
 * concurrent scenarios on a shared broker never see each other's messages. A message that
 * carries no id at all counts for no scenario, unless the harness is told to broadcast it
 * ({@link dev.choreo.Harness.Builder#unidentified(dev.choreo.Unidentified)}).
 * <pre class="code">
 * Harness.builder(transport).correlation(CorrelationPolicy.field("correlation_id"));
 * Harness.builder(transport).correlation(CorrelationPolicy.testNamespace());   // TEST-&lt;32 hex&gt;
 * Harness.builder(transport).correlation(CorrelationPolicy.header("x-correlation-id"));
 * </pre> Implement this interface for other schemes; {@link #write(Envelope, String)}
 * must return a new envelope and never change its input.
 *
 * @since 0.1.0
 */
public interface CorrelationPolicy {

	/**
	 * Return a new id for a scenario, or {@code null} for no isolation.
	 * @return the id or {@code null}
	 */
	@Nullable String newId();

	/**
	 * Stamp an id onto an outbound message.
	 * @param envelope the outbound message
	 * @param correlationId the scenario's id
	 * @return the stamped message, a new envelope when anything changed
	 * @throws CorrelationIdNotInNamespaceException when the id, or one the message
	 * already carries, is outside the policy's namespace
	 */
	Envelope write(Envelope envelope, String correlationId);

	/**
	 * Read the id of an inbound message.
	 * @param envelope the inbound message with its decoded payload
	 * @return the id, or {@code null} when the message carries none
	 */
	@Nullable String read(Envelope envelope);

	/**
	 * Return whether this policy routes messages to scenarios by id.
	 * @return {@code true} for every policy except {@link #none()}
	 */
	boolean routesByCorrelation();

	/**
	 * Return whether this policy keeps the id in a header, so it needs a transport that
	 * carries headers.
	 * @return {@code true} for header policies
	 */
	default boolean usesHeaders() {
		return false;
	}

	/**
	 * Return where this policy keeps the id, for failure messages, such as
	 * {@code field 'correlation_id'} or {@code header 'x-correlation-id'}. The default is
	 * the policy's {@code toString()}.
	 * @return where the id travels
	 */
	default String idLocation() {
		return toString();
	}

	/**
	 * Return the policy that does nothing: no id, nothing stamped, every message offered
	 * to every scenario on its topic. The default, for one scenario at a time on a
	 * dedicated broker.
	 * @return the policy
	 */
	static CorrelationPolicy none() {
		return NoCorrelationPolicy.INSTANCE;
	}

	/**
	 * Return a policy that keeps the id in a top-level field of map payloads (and of text
	 * payloads that hold a JSON object, which stay text). Other payloads cannot carry it.
	 * @param field the field name
	 * @return the policy
	 */
	static CorrelationPolicy field(String field) {
		return new FieldCorrelationPolicy(field, "");
	}

	/**
	 * Return a policy that keeps the id in a top-level field of map payloads, and
	 * requires every id to start with a prefix.
	 * @param field the field name
	 * @param prefix the prefix of every id
	 * @return the policy
	 */
	static CorrelationPolicy field(String field, String prefix) {
		return new FieldCorrelationPolicy(field, prefix);
	}

	/**
	 * Return a policy that keeps {@code TEST-}-prefixed ids in the {@code correlation_id}
	 * field, so downstream systems can recognise test traffic.
	 * @return the policy
	 */
	static CorrelationPolicy testNamespace() {
		return testNamespace("correlation_id");
	}

	/**
	 * Return a policy that keeps {@code TEST-}-prefixed ids in the given field.
	 * @param field the field name
	 * @return the policy
	 */
	static CorrelationPolicy testNamespace(String field) {
		return new FieldCorrelationPolicy(field, "TEST-");
	}

	/**
	 * Return a policy that keeps the id in a message header.
	 * @param header the header name
	 * @return the policy
	 */
	static CorrelationPolicy header(String header) {
		return new HeaderCorrelationPolicy(header, "");
	}

	/**
	 * Return a policy that keeps the id in a message header and requires every id to
	 * start with a prefix.
	 * @param header the header name
	 * @param prefix the prefix of every id
	 * @return the policy
	 */
	static CorrelationPolicy header(String header, String prefix) {
		return new HeaderCorrelationPolicy(header, prefix);
	}

}
