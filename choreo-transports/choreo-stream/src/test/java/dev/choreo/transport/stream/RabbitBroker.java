package dev.choreo.transport.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import dev.choreo.transport.tck.Brokers;

/**
 * The RabbitMQ broker of the test machine, on 127.0.0.1:5672 with guest/guest.
 */
final class RabbitBroker {

	static final int PORT = 5672;

	private RabbitBroker() {
	}

	static void require() {
		Brokers.require("RabbitMQ", "127.0.0.1", PORT);
	}

	/**
	 * Count the queues bound to the exchange a destination names, as
	 * {@code rabbitmqctl list_bindings} shows them.
	 */
	static int queuesBoundTo(String destination) {
		String output = run("rabbitmqctl", "-q", "list_bindings", "--no-table-headers", "source_name",
				"destination_kind");
		int count = 0;
		for (String line : output.split("\n")) {
			String[] columns = line.split("\t");
			if (columns.length == 2 && columns[0].equals(destination) && columns[1].trim().equals("queue")) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Close, on the broker's side, the connection that comes from a local port, as a
	 * broker restart or a network failure would.
	 */
	static void closeConnectionFrom(int localPort) {
		String output = run("rabbitmqctl", "-q", "list_connections", "--no-table-headers", "pid", "peer_port");
		for (String line : output.split("\n")) {
			String[] columns = line.split("\t");
			if (columns.length == 2 && columns[1].trim().equals(String.valueOf(localPort))) {
				run("rabbitmqctl", "-q", "close_connection", columns[0].trim(), "choreo test: connection closed");
				return;
			}
		}
		throw new IllegalStateException("No connection from port " + localPort + " in " + output);
	}

	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			try (InputStream in = process.getInputStream()) {
				in.transferTo(output);
			}
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
			return output.toString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command[0], ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command[0], ex);
		}
	}

}
