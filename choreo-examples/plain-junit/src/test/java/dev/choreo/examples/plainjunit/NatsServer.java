package dev.choreo.examples.plainjunit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the test class when no NATS server listens (or fails it under
 * {@code -Dchoreo.e2e.required=true}). Registered before {@code @EnableChoreo}, so it
 * runs before the harness connects.
 */
class NatsServer implements BeforeAllCallback {

	/** The server the service and the harness use: the same setting Choreo reads. */
	static final String URL = url();

	@Override
	public void beforeAll(ExtensionContext context) {
		URI uri = URI.create(URL);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
		}
		catch (IOException ex) {
			String message = "NATS is not reachable at " + URL + " (start nats-server, or set CHOREO_NATS_SERVERS)";
			if (Boolean.getBoolean("choreo.e2e.required")) {
				Assertions.fail(message);
			}
			Assumptions.abort(message);
		}
	}

	private static String url() {
		String property = System.getProperty("choreo.nats.servers");
		String variable = System.getenv("CHOREO_NATS_SERVERS");
		String url = (property != null) ? property : (variable != null) ? variable : "nats://127.0.0.1:4222";
		return url.split(",")[0].trim();
	}

}
