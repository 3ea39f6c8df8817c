package dev.choreo.autoconfigure.nats;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details of a connection to NATS, in the shape of Spring Boot's other connection
 * details: from {@code choreo.nats.*} properties by default, or from a service connection
 * such as a {@code @ServiceConnection NatsContainer}.
 *
 * @since 0.1.0
 */
public interface NatsConnectionDetails extends ConnectionDetails {

	/**
	 * Return the server URLs.
	 * @return the URLs, such as {@code nats://localhost:4222}
	 */
	List<String> getServers();

	/**
	 * Return the user name to authenticate with.
	 * @return the user name or {@code null}
	 */
	default @Nullable String getUsername() {
		return null;
	}

	/**
	 * Return the password to authenticate with.
	 * @return the password or {@code null}
	 */
	default @Nullable String getPassword() {
		return null;
	}

	/**
	 * Return the token to authenticate with.
	 * @return the token or {@code null}
	 */
	default @Nullable String getToken() {
		return null;
	}

}
