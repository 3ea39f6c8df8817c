package dev.choreo.junit.report;

/**
 * Removes secrets of your own from everything the report writes, after the built-in
 * redaction has run. Register one with {@link ChoreoReport#registerRedactor(Redactor)} or
 * as a {@link java.util.ServiceLoader} service
 * ({@code META-INF/services/dev.choreo.junit.report.Redactor}). <pre class="code">
 * ChoreoReport.registerRedactor((text) -&gt; text.replaceAll("ACME-\\d+", "ACME-&lt;redacted&gt;"));
 * </pre> {@link #redact(String)} is applied to every text of the report (failure texts,
 * summaries, reasons, timeline details, captured output) and to every string inside a
 * structured payload; {@link #isSecretKey(String)} marks further keys whose values are
 * replaced in structured payloads. A redactor that throws is skipped for that value; the
 * built-in redaction still applies.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Redactor {

	/**
	 * Return the text with your secrets removed.
	 * @param text a text about to be written, already through the built-in redaction
	 * @return the text to write instead
	 */
	String redact(String text);

	/**
	 * Return whether the value under a key of a structured payload is a secret, in
	 * addition to the built-in secret keys.
	 * @param key the key
	 * @return whether its value must be replaced by {@code <redacted>}
	 */
	default boolean isSecretKey(String key) {
		return false;
	}

}
