package dev.choreo.examples.rotating;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.NatsAuth;

/**
 * NATS credentials read from a file at every connect, standing in for a secrets manager
 * or a file a sidecar keeps current ({@code user=...} and {@code password=...} lines).
 * Nothing is cached: each connect reads the file again, so a rotated password is picked
 * up at the next connect. It counts its reads and remembers the last user, never the
 * password.
 */
final class FileNatsCredentials implements AuthResolver<NatsAuth> {

	private final Path file;

	private final AuthResolver<NatsAuth> reader = AuthResolver.from(this::read);

	private final AtomicInteger reads = new AtomicInteger();

	private volatile String lastUser = "";

	FileNatsCredentials(Path file) {
		this.file = file;
	}

	/**
	 * Read the file on a thread of its own (file or vault access may block), so the
	 * harness's connect timeout holds.
	 */
	@Override
	public CompletionStage<NatsAuth> resolve() {
		return this.reader.resolve();
	}

	private NatsAuth read() {
		Properties credentials = new Properties();
		try (Reader in = Files.newBufferedReader(this.file)) {
			credentials.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the NATS credentials file " + this.file, ex);
		}
		String user = credentials.getProperty("user");
		String password = credentials.getProperty("password");
		if (user == null || password == null) {
			throw new IllegalStateException("The NATS credentials file " + this.file + " needs user and password");
		}
		this.reads.incrementAndGet();
		this.lastUser = user;
		return NatsAuth.userPassword(user, password);
	}

	int reads() {
		return this.reads.get();
	}

	String lastUser() {
		return this.lastUser;
	}

	@Override
	public String toString() {
		return "FileNatsCredentials(" + this.file.getFileName() + ")";
	}

}
