package dev.choreo.junit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The commit and branch of the working directory's checkout, read from the files under
 * {@code .git} without running git: {@code HEAD}, loose refs and {@code packed-refs},
 * with linked work trees ({@code .git} as a file) followed to their common directory.
 *
 * @param sha the commit, or {@code null} when unknown
 * @param branch the branch, or {@code null} when unknown or detached
 */
record GitInfo(@Nullable String sha, @Nullable String branch) {

	private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

	static final GitInfo UNKNOWN = new GitInfo(null, null);

	static GitInfo of(Path start) {
		try {
			Path gitDir = findGitDir(start.toAbsolutePath().normalize());
			return (gitDir != null) ? read(gitDir) : UNKNOWN;
		}
		catch (IOException | RuntimeException ex) {
			return UNKNOWN;
		}
	}

	private static @Nullable Path findGitDir(Path start) throws IOException {
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			Path dotGit = dir.resolve(".git");
			if (Files.isDirectory(dotGit)) {
				return dotGit;
			}
			if (Files.isRegularFile(dotGit)) {
				String content = text(dotGit);
				if (content.startsWith("gitdir:")) {
					return dir.resolve(content.substring("gitdir:".length()).trim()).normalize();
				}
			}
		}
		return null;
	}

	private static GitInfo read(Path gitDir) throws IOException {
		Path commonDir = gitDir;
		Path commonFile = gitDir.resolve("commondir");
		if (Files.isRegularFile(commonFile)) {
			commonDir = gitDir.resolve(text(commonFile)).normalize();
		}
		String head = text(gitDir.resolve("HEAD"));
		if (!head.startsWith("ref:")) {
			return new GitInfo(SHA.matcher(head).matches() ? head : null, null);
		}
		String ref = head.substring("ref:".length()).trim();
		String branch = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
		return new GitInfo(resolve(ref, gitDir, commonDir), branch);
	}

	private static @Nullable String resolve(String ref, Path gitDir, Path commonDir) throws IOException {
		for (Path dir : List.of(gitDir, commonDir)) {
			Path loose = dir.resolve(ref);
			if (loose.normalize().startsWith(dir) && Files.isRegularFile(loose)) {
				String sha = text(loose);
				if (SHA.matcher(sha).matches()) {
					return sha;
				}
			}
		}
		Path packed = commonDir.resolve("packed-refs");
		if (Files.isRegularFile(packed)) {
			for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
				if (line.endsWith(" " + ref)) {
					String sha = line.substring(0, line.indexOf(' '));
					if (SHA.matcher(sha).matches()) {
						return sha;
					}
				}
			}
		}
		return null;
	}

	private static String text(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8).trim();
	}

}
