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
	 * Build the reply payload.
	 * @param trigger the decoded payload of the triggering message
	 * @return the reply payload: a {@code Map} (stamped with the scenario's correlation
	 * id), any other value the codec can encode, a {@code byte[]}, or an
	 * {@link OutboundMessage}
	 * @throws Exception if the reply cannot be built; the reply is then recorded as
	 * failed with the exception's class name only
	 */
	@Nullable Object build(@Nullable Object trigger) throws Exception;

}
