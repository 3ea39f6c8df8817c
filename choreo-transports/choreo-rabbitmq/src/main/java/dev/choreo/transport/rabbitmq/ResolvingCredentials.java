package dev.choreo.transport.rabbitmq;

import java.util.Arrays;
import java.util.function.Supplier;

import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.CredentialsProvider;
import dev.choreo.auth.RabbitAuth;
import dev.choreo.transport.TransportException;
import org.springframework.amqp.rabbit.connection.Connection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

/**
 * The user and password the client presents at every connection handshake, resolved again
 * while the transport reconnects. The client reads the user, then the password, once per
 * handshake; after the connection shut down, and until a new one is made, each handshake
 * first asks the resolver again, so a password rotated while connected is used to
 * reconnect. The pair resolved at connect serves the first connection.
 */
final class ResolvingCredentials implements CredentialsProvider, ConnectionListener {

	private static final Logger logger = LoggerFactory.getLogger(RabbitTransport.class);

	private final RabbitAuth.Kind kind;

	private final Supplier<@Nullable RabbitAuth> again;

	private String user;

	private char[] password;

	private boolean reconnecting;

	ResolvingCredentials(RabbitAuth auth, Supplier<@Nullable RabbitAuth> again) {
		this.kind = auth.kind();
		this.user = auth.user();
		this.password = auth.password();
		this.again = again;
	}

	@Override
	public synchronized String getUsername() {
		if (this.reconnecting) {
			try {
				resolveAgain();
			}
			catch (RuntimeException ex) {
				logger.debug(
						"Could not resolve the RabbitMQ credentials again; reconnecting with the previous ones ({})",
						ex.getMessage());
			}
		}
		return this.user;
	}

	@Override
	public synchronized String getPassword() {
		return new String(this.password);
	}

	private void resolveAgain() {
		RabbitAuth fresh = this.again.get();
		if (fresh == null) {
			return;
		}
		try {
			if (fresh.kind() != this.kind) {
				throw new TransportException("The RabbitMQ auth resolver answered with " + fresh.kind()
						+ " on reconnect, but the connection was made with " + this.kind);
			}
			String newUser = fresh.user();
			char[] newPassword = fresh.password();
			Arrays.fill(this.password, '\0');
			this.user = newUser;
			this.password = newPassword;
		}
		finally {
			fresh.consume();
		}
	}

	@Override
	public synchronized void onCreate(@Nullable Connection connection) {
		this.reconnecting = false;
	}

	@Override
	public synchronized void onShutDown(ShutdownSignalException signal) {
		this.reconnecting = true;
	}

	@Override
	public String toString() {
		return "ResolvingCredentials(<redacted>)";
	}

}
