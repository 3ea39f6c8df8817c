package dev.choreo.transport.tck;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of its own on spare loopback ports, with its own data, log and
 * configuration in a temporary directory, so a test can stop and start it without
 * touching the shared broker. Used by the fault tests of the RabbitMQ transport and of
 * the Spring Cloud Stream RabbitMQ binder.
 */
public final class RabbitNode implements AutoCloseable {

	private static final String SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server";

	private final BrokerProcess process;

	private final Path directory;

	private RabbitNode(BrokerProcess process, Path directory) {
		this.process = process;
		this.directory = directory;
	}

	/**
	 * Start a node and wait until it accepts AMQP connections.
	 * @param name a short name, part of the node name
	 * @return the running node
	 */
	public static RabbitNode start(String name) {
		if (!new File(SERVER).canExecute()) {
			Brokers.unavailable(SERVER + " is not installed, so the RabbitMQ fault tests cannot start their own node");
		}
		int port = Brokers.freePort();
		int distributionPort = Brokers.freePort();
		Path directory = createDirectory(port);
		Map<String, String> environment = Map.of("RABBITMQ_NODENAME", "choreo-" + name + "-" + port + "@localhost",
				"RABBITMQ_NODE_PORT", String.valueOf(port), "RABBITMQ_DIST_PORT", String.valueOf(distributionPort),
				"RABBITMQ_MNESIA_BASE", directory.resolve("mnesia").toString(), "RABBITMQ_LOG_BASE",
				directory.resolve("log").toString(), "RABBITMQ_CONFIG_FILE",
				directory.resolve("rabbitmq.conf").toString(), "RABBITMQ_ENABLED_PLUGINS_FILE",
				directory.resolve("enabled_plugins").toString(), "RABBITMQ_PID_FILE",
				directory.resolve("rabbitmq.pid").toString());
		BrokerProcess process = BrokerProcess.start("rabbitmq-" + name, List.of(SERVER), environment, port);
		RabbitNode node = new RabbitNode(process, directory);
		node.awaitListening();
		return node;
	}

	private static Path createDirectory(int port) {
		try {
			Path directory = Files.createTempDirectory("choreo-rabbitmq-" + port + "-");
			Files.writeString(directory.resolve("rabbitmq.conf"), "listeners.tcp.local = 127.0.0.1:" + port + "\n");
			Files.writeString(directory.resolve("enabled_plugins"), "[].\n");
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitListening() {
		if (!Waits.until(Duration.ofSeconds(90), () -> Brokers.isListening("127.0.0.1", port()))) {
			throw new IllegalStateException("The RabbitMQ node did not listen within 90s; see " + this.process.log());
		}
	}

	/**
	 * Return the node's process, to stop and start it.
	 * @return the process
	 */
	public BrokerProcess process() {
		return this.process;
	}

	/**
	 * Return the AMQP port.
	 * @return the port
	 */
	public int port() {
		return this.process.port();
	}

	/**
	 * Return the node's AMQP URI, without credentials (the node has guest/guest).
	 * @return the URI
	 */
	public String uri() {
		return "amqp://127.0.0.1:" + port();
	}

	/**
	 * Start the node again after a stop, waiting until it accepts connections.
	 */
	public void restart() {
		this.process.start();
		awaitListening();
	}

	@Override
	public void close() {
		this.process.close();
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a temporary directory left behind
		}
	}

}
