package dev.choreo;

import org.jspecify.annotations.Nullable;

/**
 * Builds a reply from the message that triggered it. <pre class="code">
 * scenario.on("fraud.check").publish("fraud.result", (trigger) -&gt; Map.of("decision", "APPROVE"));
 * </pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ReplyBuilder {

	/**
	 * Build the reply payload. Runs off the transport's delivery thread, in the
	 * scenario's turn.
	 * @param trigger the decoded payload of the triggering message: the builder's own
	 * copy, which it may change
	 * @return the reply payload: a {@code Map} (stamped with the scenario's correlation
	 * id), any other value the codec can encode, a {@code byte[]}, or an
	 * {@link OutboundMessage}
	 * @throws Exception if the reply cannot be built; the reply is then recorded as
	 * failed and the scenario fails, with the exception's class and its message (scrubbed
	 * of secrets). An {@code AssertionError} is treated the same way.
	 */
	@Nullable Object build(@Nullable Object trigger) throws Exception;

}
