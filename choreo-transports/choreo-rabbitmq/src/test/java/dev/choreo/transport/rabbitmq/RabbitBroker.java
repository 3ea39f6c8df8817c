package dev.choreo.transport.rabbitmq;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.choreo.transport.tck.Brokers;

/**
 * The RabbitMQ broker of the test machine: where it is, a plain client connection to it,
 * and {@code rabbitmqctl} to look at (and change) what it holds.
 */
final class RabbitBroker {

	static final String URI = "amqp://127.0.0.1:5672";

	private static final List<String> RABBITMQCTL = List.of("/usr/sbin/rabbitmqctl",
			"/usr/lib/rabbitmq/bin/rabbitmqctl", "/usr/local/sbin/rabbitmqctl", "/usr/bin/rabbitmqctl");

	private RabbitBroker() {
	}

	static void require() {
		Brokers.require("RabbitMQ", "127.0.0.1", 5672);
	}

	/**
	 * Open a plain client connection as guest, for looking at what the transport sends.
	 */
	static Connection connect() throws IOException, TimeoutException {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setPort(5672);
		factory.setAutomaticRecoveryEnabled(false);
		return factory.newConnection("choreo-test-probe");
	}

	/**
	 * Count the queues bound to an exchange with a routing key.
	 */
	static int queuesBoundTo(String exchange, String routingKey) {
		int count = 0;
		for (String line : rabbitmqctl("list_bindings", "-s", "source_name", "routing_key", "destination_kind")) {
			String[] columns = line.split("\t", -1);
			if (columns.length == 3 && columns[0].equals(exchange) && columns[1].equals(routingKey)
					&& columns[2].equals("queue")) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Run {@code rabbitmqctl} and return its output lines.
	 */
	static List<String> rabbitmqctl(String... arguments) {
		String executable = RABBITMQCTL.stream()
			.filter((candidate) -> new File(candidate).canExecute())
			.findFirst()
			.orElse(null);
		if (executable == null) {
			Brokers.unavailable("rabbitmqctl is not installed, so the RabbitMQ tests cannot look into the broker");
		}
		List<String> command = new ArrayList<>();
		command.add(executable);
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(
						"rabbitmqctl " + arguments[0] + " failed: " + new String(output, StandardCharsets.UTF_8));
			}
			return new String(output, StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run rabbitmqctl", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running rabbitmqctl", ex);
		}
	}

}
