package dev.choreo.junit;

/**
 * The words for a user name without a password, or a password without a user name.
 */
final class Credentials {

	private Credentials() {
	}

	/**
	 * Word a user name and password of which only one is set.
	 * @param userKey the user name's key
	 * @param userSet whether the user name is set
	 * @param passwordKey the password's key
	 * @return the exception
	 */
	static IllegalStateException incomplete(String userKey, boolean userSet, String passwordKey) {
		return new IllegalStateException(userSet ? userKey + " is set but " + passwordKey + " is not; set both"
				: passwordKey + " is set but " + userKey + " is not; set both");
	}

}
