package dev.choreo.examples.rotating;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;

/**
 * A nats-server of the test's own on a spare loopback port that accepts one user, whose
 * password the test rotates: the configuration file is rewritten and the server restarted
 * on the same port, after which the old password is refused.
 */
final class PasswordNatsServer implements AutoCloseable {

	private final Path configuration;

	private final BrokerProcess process;

	private PasswordNatsServer(Path configuration, BrokerProcess process) {
		this.configuration = configuration;
		this.process = process;
	}

	/**
	 * Start the server with one user; skips the test (fails it under
	 * {@code -Dchoreo.e2e.required=true}) when nats-server is not installed.
	 */
	static PasswordNatsServer start(String user, String password) {
		int port = Brokers.freePort();
		try {
			Path configuration = Files.createTempFile("choreo-rotating-nats-", ".conf");
			write(configuration, port, user, password);
			BrokerProcess process = BrokerProcess.start("nats-rotating", "nats-server", port, "-c",
					configuration.toString());
			PasswordNatsServer server = new PasswordNatsServer(configuration, process);
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "nats-rotating-shutdown"));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replace the user: only the new one is accepted once this returns.
	 */
	void rotate(String user, String password) {
		this.process.stop();
		write(this.configuration, port(), user, password);
		this.process.start();
	}

	int port() {
		return this.process.port();
	}

	String url() {
		return "nats://127.0.0.1:" + port();
	}

	private static void write(Path configuration, int port, String user, String password) {
		String text = "listen: 127.0.0.1:" + port + "\n" + "authorization {\n" + "  users = [ { user: \"" + user
				+ "\", password: \"" + password + "\" } ]\n" + "}\n";
		try {
			Files.writeString(configuration, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.close();
		try {
			Files.deleteIfExists(this.configuration);
		}
		catch (IOException ex) {
			// a temporary file left behind
		}
	}

}
