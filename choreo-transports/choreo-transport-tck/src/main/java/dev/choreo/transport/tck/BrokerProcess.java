package dev.choreo.transport.tck;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A broker process the tests start themselves on a spare loopback port (a second
 * nats-server with credentials, a redis-server they can stop and restart), so auth and
 * fault tests never touch the shared brokers.
 */
public final class BrokerProcess implements AutoCloseable {

	/** How long a broker may take to listen, generous for a loaded machine. */
	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final String name;

	private final List<String> command;

	private final int port;

	private final Path log;

	private final Map<String, String> environment;

	private @Nullable Process process;

	private BrokerProcess(String name, List<String> command, int port, Map<String, String> environment) {
		this.name = name;
		this.command = command;
		this.port = port;
		this.environment = Map.copyOf(environment);
		try {
			this.log = Files.createTempFile("choreo-" + name + "-", ".log");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Start a broker executable with arguments, waiting until it listens on the port.
	 * @param name a short name for messages and logs
	 * @param executable the executable, looked up in common locations and on the
	 * {@code PATH}
	 * @param port the port it will listen on
	 * @param arguments its arguments
	 * @return the running broker; the test is skipped (or failed when required) if the
	 * executable is not installed
	 */
	public static BrokerProcess start(String name, String executable, int port, String... arguments) {
		String path = locate(executable);
		if (path == null) {
			Brokers
				.unavailable(executable + " is not installed, so the " + name + " tests cannot start their own broker");
		}
		List<String> command = new ArrayList<>();
		command.add(java.util.Objects.requireNonNull(path));
		command.addAll(List.of(arguments));
		BrokerProcess broker = new BrokerProcess(name, command, port, Map.of());
		broker.start();
		return broker;
	}

	/**
	 * Start any command (a JVM running a broker, a server with environment settings),
	 * waiting until it listens on the port.
	 * @param name a short name for messages and logs
	 * @param command the command and its arguments
	 * @param environment extra environment variables
	 * @param port the port it will listen on
	 * @return the running broker
	 */
	public static BrokerProcess start(String name, List<String> command, Map<String, String> environment, int port) {
		BrokerProcess broker = new BrokerProcess(name, List.copyOf(command), port, environment);
		broker.start();
		return broker;
	}

	/**
	 * Return the file the process writes its output to.
	 * @return the log file
	 */
	public Path log() {
		return this.log;
	}

	private static @Nullable String locate(String executable) {
		for (String directory : List.of("/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin")) {
			File candidate = new File(directory, executable);
			if (candidate.canExecute()) {
				return candidate.getPath();
			}
		}
		String pathVariable = System.getenv("PATH");
		if (pathVariable != null) {
			for (String directory : pathVariable.split(File.pathSeparator)) {
				File candidate = new File(directory, executable);
				if (candidate.canExecute()) {
					return candidate.getPath();
				}
			}
		}
		return null;
	}

	/**
	 * Start the process (again, after {@link #stop()}) and wait until it listens.
	 */
	public synchronized void start() {
		Process current = this.process;
		if (current != null && current.isAlive()) {
			return;
		}
		Process started;
		try {
			ProcessBuilder builder = new ProcessBuilder(this.command);
			builder.environment().putAll(this.environment);
			started = builder.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + this.name + ": " + ex.getMessage(), ex);
		}
		this.process = started;
		boolean listening = Waits.until(START_TIMEOUT,
				() -> Brokers.isListening("127.0.0.1", this.port) || !started.isAlive());
		if (!started.isAlive()) {
			throw new IllegalStateException(this.name + " exited at start; see " + this.log);
		}
		if (!listening) {
			throw new IllegalStateException(this.name + " did not listen on port " + this.port + " within "
					+ START_TIMEOUT.toSeconds() + "s; see " + this.log);
		}
	}

	/**
	 * Stop the process and wait until it has exited and the port is closed.
	 */
	public synchronized void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(10, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Waits.until(Duration.ofSeconds(10), () -> !Brokers.isListening("127.0.0.1", this.port));
	}

	/**
	 * Return the port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	@Override
	public void close() {
		stop();
	}

	@Override
	public String toString() {
		return this.name + " on 127.0.0.1:" + this.port;
	}

}
