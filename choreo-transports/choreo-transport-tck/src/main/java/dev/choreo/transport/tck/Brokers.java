package dev.choreo.transport.tck;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds out whether a broker the tests need is there. A missing broker skips the test
 * with the reason, unless the system property {@code choreo.e2e.required} is
 * {@code true}, when it fails it: CI can never pass by skipping.
 */
public final class Brokers {

	/** The system property that turns a missing broker into a failure. */
	public static final String REQUIRED_PROPERTY = "choreo.e2e.required";

	private Brokers() {
	}

	/**
	 * Return whether something listens on a TCP port.
	 * @param host the host
	 * @param port the port
	 * @return whether a connection succeeded within 500 ms
	 */
	public static boolean isListening(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Require a broker: skip (or fail, when required) if nothing listens on its port.
	 * @param name the broker name, for the message
	 * @param host the host
	 * @param port the port
	 */
	public static void require(String name, String host, int port) {
		if (!isListening(host, port)) {
			unavailable(name + " is not reachable at " + host + ":" + port);
		}
	}

	/**
	 * Skip (or fail, when required) because something the test needs is missing.
	 * @param reason what is missing and how to provide it
	 */
	public static void unavailable(String reason) {
		String message = reason + " (start it, or see the README; with -D" + REQUIRED_PROPERTY
				+ "=true this is an error)";
		if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
			Assertions.fail(message);
		}
		Assumptions.abort(message);
	}

	/**
	 * Return a free TCP port on the loopback interface.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port", ex);
		}
	}

}
