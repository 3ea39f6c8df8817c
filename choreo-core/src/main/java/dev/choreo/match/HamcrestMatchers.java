package dev.choreo.match;

/**
 * Adapts Hamcrest matchers to Choreo {@link MessageMatcher}s. Needs
 * {@code org.hamcrest:hamcrest} on the class path. <pre class="code">
 * scenario.expect("orders.v1", HamcrestMatchers.from(hasEntry("status", "PAID")));
 * </pre>
 *
 * @since 0.1.0
 */
public final class HamcrestMatchers {

	private HamcrestMatchers() {
	}

	/**
	 * Adapt a Hamcrest matcher: the description is Hamcrest's description and the reason
	 * for a mismatch is Hamcrest's mismatch description.
	 * @param matcher the Hamcrest matcher
	 * @return the matcher
	 */
	public static MessageMatcher from(org.hamcrest.Matcher<?> matcher) {
		return new HamcrestMatcher(matcher);
	}

}
