package dev.choreo.transport.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Talks to a Redis server over a plain socket, one command per connection, so the tests
 * can look at the server from outside the transport without starting any thread.
 */
final class RedisProbe {

	private final int port;

	private final List<String> setup;

	private RedisProbe(int port, List<String> setup) {
		this.port = port;
		this.setup = setup;
	}

	static RedisProbe local() {
		return new RedisProbe(6379, List.of());
	}

	/**
	 * Return a probe that runs a setup command, such as {@code AUTH} or {@code SELECT},
	 * before each command.
	 */
	static RedisProbe on(int port, String... setup) {
		return new RedisProbe(port, List.of(setup));
	}

	/**
	 * Run one command and return its reply: a {@code String} (simple or bulk), a
	 * {@code Long}, a {@code List} or {@code null}.
	 */
	@Nullable Object command(Object... arguments) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 2000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			if (!this.setup.isEmpty()) {
				write(out, this.setup.toArray());
				read(in);
			}
			write(out, arguments);
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	long number(Object... arguments) {
		Object reply = command(arguments);
		if (reply instanceof Long number) {
			return number;
		}
		throw new IllegalStateException("Expected a number from " + arguments[0] + ", got " + reply);
	}

	/**
	 * Return how many clients subscribe to a channel ({@code PUBSUB NUMSUB}).
	 */
	int subscribers(String channel) {
		List<?> reply = (List<?>) command("PUBSUB", "NUMSUB", channel);
		return ((Long) reply.get(1)).intValue();
	}

	/**
	 * Return how many clients with a name are blocked in {@code XREAD}, as
	 * {@code CLIENT LIST} shows them.
	 */
	int blockedStreamReaders(String clientName) {
		int count = 0;
		for (String line : String.valueOf(command("CLIENT", "LIST")).split("\n")) {
			List<String> fields = List.of(line.trim().split(" "));
			if (fields.contains("name=" + clientName) && fields.contains("cmd=xread")
					&& fields.stream().anyMatch((field) -> field.startsWith("flags=") && field.contains("b"))) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Delete every key matching a pattern.
	 */
	void deleteKeys(String pattern) {
		for (Object key : (List<?>) command("KEYS", pattern)) {
			command("DEL", key);
		}
	}

	private static void write(OutputStream out, Object[] arguments) throws IOException {
		ByteArrayOutputStream command = new ByteArrayOutputStream();
		command.writeBytes(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
		for (Object argument : arguments) {
			byte[] bytes = (argument instanceof byte[] raw) ? raw
					: String.valueOf(argument).getBytes(StandardCharsets.UTF_8);
			command.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			command.writeBytes(bytes);
			command.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.write(command.toByteArray());
		out.flush();
	}

	private static @Nullable Object read(InputStream in) throws IOException {
		int type = in.read();
		String line = line(in);
		return switch (type) {
			case '+' -> line;
			case '-' -> throw new IllegalStateException("Redis answered " + line);
			case ':' -> Long.parseLong(line);
			case '$' -> bulk(in, Integer.parseInt(line));
			case '*' -> array(in, Integer.parseInt(line));
			default -> throw new IllegalStateException("Unexpected reply type " + (char) type);
		};
	}

	private static @Nullable String bulk(InputStream in, int length) throws IOException {
		if (length < 0) {
			return null;
		}
		byte[] bytes = in.readNBytes(length);
		line(in);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static @Nullable List<@Nullable Object> array(InputStream in, int length) throws IOException {
		if (length < 0) {
			return null;
		}
		List<@Nullable Object> items = new ArrayList<>();
		for (int i = 0; i < length; i++) {
			items.add(read(in));
		}
		return items;
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != '\r') {
			if (c < 0) {
				throw new IOException("Redis closed the connection");
			}
			line.append((char) c);
		}
		in.read();
		return line.toString();
	}

}
