package dev.choreo.junit.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The report's output directory, and the rules that keep the report from ever deleting
 * what is not its own. A directory the report created holds a sentinel file; the report
 * wipes only a directory that has the sentinel and nothing but the report's own files,
 * and never the filesystem root, the user's home or a directory holding a version-control
 * checkout.
 */
final class ReportDirectory {

	static final String SENTINEL = ".choreo-report";

	static final String SENTINEL_CONTENT = "choreo-report v1 output directory\n";

	static final String RESULTS = "results.json";

	static final String HTML = "index.html";

	static final String PARTIALS = "_partial";

	private static final Set<String> KNOWN_FILES = Set.of(SENTINEL, RESULTS, HTML, "." + RESULTS + ".tmp",
			"." + HTML + ".tmp");

	private static final Pattern KNOWN_PARTIAL = Pattern
		.compile("\\.?worker-[A-Za-z0-9._-]+\\.(json|running)(\\.tmp)?");

	private static final Set<String> VCS = Set.of(".git", ".svn", ".hg");

	private final Path path;

	ReportDirectory(Path path) {
		this.path = path.toAbsolutePath().normalize();
	}

	Path path() {
		return this.path;
	}

	Path results() {
		return this.path.resolve(RESULTS);
	}

	Path html() {
		return this.path.resolve(HTML);
	}

	Path partials() {
		return this.path.resolve(PARTIALS);
	}

	/**
	 * Return why the report must not use this directory, or {@code null} when it may.
	 */
	@Nullable String refusal() {
		Path root = this.path.getRoot();
		if (root != null && root.equals(this.path)) {
			return "refusing the filesystem root " + this.path + " as the report directory";
		}
		String home = System.getProperty("user.home");
		if (home != null && !home.isBlank() && Path.of(home).toAbsolutePath().normalize().equals(this.path)) {
			return "refusing the user home " + this.path + " as the report directory";
		}
		if (Files.isSymbolicLink(this.path)) {
			return "refusing " + this.path + ": it is a symbolic link";
		}
		if (Files.exists(this.path) && !Files.isDirectory(this.path, LinkOption.NOFOLLOW_LINKS)) {
			return "refusing " + this.path + ": it is a file, not a directory";
		}
		for (String vcs : VCS) {
			if (Files.exists(this.path.resolve(vcs), LinkOption.NOFOLLOW_LINKS)) {
				return "refusing " + this.path + ": it is a VCS root (it contains " + vcs + ")";
			}
		}
		return null;
	}

	/**
	 * Create the directory with its sentinel, or check that an existing one is the
	 * report's own.
	 * @return why it must not be used, or {@code null}
	 */
	@Nullable String prepare() throws IOException {
		String refusal = refusal();
		if (refusal != null) {
			return refusal;
		}
		Files.createDirectories(this.path);
		Path sentinel = this.path.resolve(SENTINEL);
		if (!Files.exists(sentinel, LinkOption.NOFOLLOW_LINKS)) {
			try (Stream<Path> entries = Files.list(this.path)) {
				if (entries.findAny().isPresent()) {
					return "refusing " + this.path
							+ ": it is not empty and has no sentinel file, so it was not created by the report";
				}
			}
			try {
				Files.write(sentinel, SENTINEL_CONTENT.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
						StandardOpenOption.WRITE);
			}
			catch (FileAlreadyExistsException ex) {
				// another worker created it at the same moment
			}
		}
		if (!Files.isRegularFile(sentinel, LinkOption.NOFOLLOW_LINKS)) {
			return "refusing " + this.path + ": its sentinel is not a regular file";
		}
		return unknownContent();
	}

	/**
	 * Return why the directory holds something that is not the report's, or {@code null}
	 * when it holds only the known set of files.
	 */
	@Nullable String unknownContent() throws IOException {
		for (Path entry : list(this.path)) {
			String name = entry.getFileName().toString();
			if (Files.isSymbolicLink(entry)) {
				return "refusing " + this.path + ": " + name + " is a symbolic link, not in the known set of files";
			}
			if (name.equals(PARTIALS) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
				for (Path partial : list(entry)) {
					String partialName = partial.getFileName().toString();
					if (Files.isSymbolicLink(partial) || !Files.isRegularFile(partial, LinkOption.NOFOLLOW_LINKS)
							|| !KNOWN_PARTIAL.matcher(partialName).matches()) {
						return "refusing " + this.path + ": " + PARTIALS + "/" + partialName
								+ " is not in the known set of files";
					}
				}
			}
			else if (!KNOWN_FILES.contains(name) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
				return "refusing " + this.path + ": " + name + " is not in the known set of files";
			}
		}
		return null;
	}

	/**
	 * Delete the report's files from an earlier run, keeping the sentinel. Deletes only
	 * known files, and nothing at all when anything unknown is there.
	 * @return why nothing was deleted, or {@code null}
	 */
	@Nullable String wipe() throws IOException {
		String unknown = unknownContent();
		if (unknown != null) {
			return unknown;
		}
		if (!Files.isRegularFile(this.path.resolve(SENTINEL), LinkOption.NOFOLLOW_LINKS)) {
			return "refusing " + this.path + ": it has no sentinel file";
		}
		for (Path entry : list(this.path)) {
			String name = entry.getFileName().toString();
			if (name.equals(PARTIALS)) {
				for (Path partial : list(entry)) {
					Files.deleteIfExists(partial);
				}
				Files.deleteIfExists(entry);
			}
			else if (!name.equals(SENTINEL)) {
				Files.deleteIfExists(entry);
			}
		}
		return null;
	}

	/**
	 * Delete one known file of the partials directory, and the directory once empty.
	 */
	void deletePartial(Path file) throws IOException {
		if (KNOWN_PARTIAL.matcher(file.getFileName().toString()).matches()
				&& this.partials().equals(file.getParent())) {
			Files.deleteIfExists(file);
		}
	}

	void deletePartialsDirectoryIfEmpty() throws IOException {
		Path partials = partials();
		if (Files.isDirectory(partials, LinkOption.NOFOLLOW_LINKS) && list(partials).isEmpty()) {
			Files.deleteIfExists(partials);
		}
	}

	List<Path> partialFiles(String suffix) throws IOException {
		Path partials = partials();
		if (!Files.isDirectory(partials, LinkOption.NOFOLLOW_LINKS)) {
			return List.of();
		}
		List<Path> found = new ArrayList<>();
		for (Path file : list(partials)) {
			String name = file.getFileName().toString();
			if (name.startsWith("worker-") && name.endsWith(suffix) && KNOWN_PARTIAL.matcher(name).matches()) {
				found.add(file);
			}
		}
		found.sort(null);
		return found;
	}

	/**
	 * Lock the directory against the other workers of the run (other JVMs) by locking its
	 * sentinel.
	 */
	Lock lock() throws IOException {
		FileChannel channel = FileChannel.open(this.path.resolve(SENTINEL), StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		try {
			return new Lock(channel, channel.lock());
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	private static List<Path> list(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.sorted().toList();
		}
	}

	/**
	 * A held lock on the directory.
	 *
	 * @param channel the sentinel's channel
	 * @param lock the lock
	 */
	record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			try {
				this.lock.release();
			}
			finally {
				this.channel.close();
			}
		}

	}

}
