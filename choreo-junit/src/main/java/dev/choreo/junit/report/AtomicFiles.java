package dev.choreo.junit.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see the old content or the new one, never a half-written
 * file: the bytes go to {@code .<name>.tmp} beside it, which is then moved over it.
 */
final class AtomicFiles {

	private AtomicFiles() {
	}

	static void write(Path file, byte[] content) throws IOException {
		Path temp = temporaryFor(file);
		try {
			Files.write(temp, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
					StandardOpenOption.WRITE);
			try {
				Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	static Path temporaryFor(Path file) {
		return file.resolveSibling("." + file.getFileName() + ".tmp");
	}

}
