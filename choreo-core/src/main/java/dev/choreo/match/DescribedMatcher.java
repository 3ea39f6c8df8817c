package dev.choreo.match;

/**
 * Base class for the built-in matchers: a fixed description, also used as
 * {@code toString()} so reports that print a matcher show what it checks.
 */
abstract class DescribedMatcher implements MessageMatcher {

	private final String description;

	DescribedMatcher(String description) {
		this.description = description;
	}

	@Override
	public final String description() {
		return this.description;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
