package dev.choreo.transport.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import dev.choreo.transport.tck.BrokerProcess;

/**
 * Starts redis-server processes of the tests' own on loopback ports, without persistence.
 */
final class RedisServers {

	private RedisServers() {
	}

	/**
	 * Start a redis-server.
	 * @param name a short name for messages and logs
	 * @param port the port
	 * @param settings further settings, as redis-server arguments
	 * @return the running server
	 */
	static BrokerProcess start(String name, int port, String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", temporaryDirectory(name)));
		arguments.addAll(List.of(settings));
		return BrokerProcess.start(name, "redis-server", port, arguments.toArray(String[]::new));
	}

	private static String temporaryDirectory(String name) {
		try {
			return Files.createTempDirectory("choreo-" + name + "-").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
