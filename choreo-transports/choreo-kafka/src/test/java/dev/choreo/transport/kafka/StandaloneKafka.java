package dev.choreo.transport.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.choreo.transport.tck.BrokerProcess;
import dev.choreo.transport.tck.Brokers;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker in a JVM of its own, for the tests that stop it and
 * start it again on the same port. Its class path comes from the build (the
 * {@code kafka-broker.classpath} file the dependency plugin writes); its storage lives
 * under {@code target/}, formatted once, so a restart finds its topics again.
 */
final class StandaloneKafka {

	private static final Path CLASSPATH = Path.of("target", "kafka-broker.classpath");

	private StandaloneKafka() {
	}

	/**
	 * Format storage and start a broker on a spare loopback port.
	 * @param name a short name for the directory, messages and the log
	 * @return the running broker
	 */
	static BrokerProcess start(String name) {
		if (!Files.isReadable(CLASSPATH)) {
			Brokers.unavailable(CLASSPATH + " is missing, so the " + name
					+ " tests cannot start their own Kafka broker; build with Maven (test-compile writes it)");
		}
		try {
			int port = Brokers.freePort();
			int controllerPort = otherFreePort(port);
			Path directory = Path.of("target", "kafka-" + name + "-" + UUID.randomUUID().toString().substring(0, 8))
				.toAbsolutePath();
			Files.createDirectories(directory);
			Path config = writeConfig(directory, port, controllerPort);
			format(directory, config);
			List<String> command = java();
			command.addAll(List.of("kafka.Kafka", config.toString()));
			return BrokerProcess.start(name, command, Map.of(), port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not prepare the " + name + " broker", ex);
		}
	}

	private static int otherFreePort(int taken) {
		int port = Brokers.freePort();
		while (port == taken) {
			port = Brokers.freePort();
		}
		return port;
	}

	private static Path writeConfig(Path directory, int port, int controllerPort) throws IOException {
		String properties = String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@127.0.0.1:" + controllerPort,
				"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + port, "controller.listener.names=CONTROLLER",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"inter.broker.listener.name=PLAINTEXT", "log.dirs=" + directory.resolve("data"), "num.partitions=1",
				"offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0", "");
		Path config = directory.resolve("server.properties");
		Files.writeString(config, properties, StandardCharsets.UTF_8);
		return config;
	}

	private static void format(Path directory, Path config) throws IOException {
		List<String> command = java();
		command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
				config.toString()));
		Path log = directory.resolve("format.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("Formatting Kafka storage failed; see " + log + ":\n"
						+ Files.readString(log, StandardCharsets.UTF_8));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException("Interrupted while formatting Kafka storage", ex);
		}
	}

	private static List<String> java() throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
				"-Dlogback.configurationFile="
						+ Path.of("target", "test-classes", "kafka-broker-logback.xml").toAbsolutePath(),
				"-cp", Files.readString(CLASSPATH, StandardCharsets.UTF_8).trim()));
		return command;
	}

}
