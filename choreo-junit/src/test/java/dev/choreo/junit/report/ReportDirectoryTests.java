package dev.choreo.junit.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportDirectoryTests {

	@TempDir
	Path work;

	@Test
	void refusesTheFilesystemRoot() {
		assertThat(new ReportDirectory(Path.of("/")).refusal()).contains("filesystem root");
	}

	@Test
	void refusesTheUserHome() {
		assertThat(new ReportDirectory(Path.of(System.getProperty("user.home"))).refusal()).contains("user home");
	}

	@Test
	void refusesAVersionControlRootAndLeavesItAlone() throws Exception {
		for (String vcs : List.of(".git", ".svn", ".hg")) {
			Path checkout = Files.createDirectories(this.work.resolve("checkout" + vcs));
			Files.createDirectories(checkout.resolve(vcs));
			Files.writeString(checkout.resolve("README"), "mine");
			assertThat(new ReportDirectory(checkout).prepare()).contains("VCS root");
			assertThat(names(checkout)).containsExactlyInAnyOrder(vcs, "README");
		}
	}

	@Test
	void refusesAFile() throws Exception {
		Path file = Files.writeString(this.work.resolve("file"), "mine");
		assertThat(new ReportDirectory(file).prepare()).contains("is a file");
		assertThat(file).hasContent("mine");
	}

	@Test
	void refusesASymbolicLink() throws Exception {
		Path target = Files.createDirectories(this.work.resolve("target"));
		Path link = Files.createSymbolicLink(this.work.resolve("link"), target);
		assertThat(new ReportDirectory(link).prepare()).contains("symbolic link");
	}

	@Test
	void createsANewDirectoryWithItsSentinel() throws Exception {
		Path directory = this.work.resolve("a/b/report");
		assertThat(new ReportDirectory(directory).prepare()).isNull();
		assertThat(directory.resolve(".choreo-report")).hasContent("choreo-report v1 output directory");
	}

	@Test
	void adoptsAnEmptyDirectory() throws Exception {
		Path directory = Files.createDirectories(this.work.resolve("empty"));
		assertThat(new ReportDirectory(directory).prepare()).isNull();
		assertThat(directory.resolve(".choreo-report")).exists();
	}

	@Test
	void refusesADirectoryWithoutTheSentinelAndTouchesNothing() throws Exception {
		Path directory = Files.createDirectories(this.work.resolve("someone-elses"));
		Files.writeString(directory.resolve("results.json"), "theirs");
		assertThat(new ReportDirectory(directory).prepare()).contains("sentinel");
		assertThat(names(directory)).containsExactly("results.json");
	}

	@Test
	void refusesASentinelDirectoryWithUnknownFilesAndTouchesNothing() throws Exception {
		Path directory = report();
		Files.writeString(directory.resolve("notes.txt"), "mine");
		ReportDirectory report = new ReportDirectory(directory);
		assertThat(report.prepare()).contains("known set");
		assertThat(report.wipe()).contains("known set");
		assertThat(names(directory)).containsExactlyInAnyOrder(".choreo-report", "results.json", "index.html",
				"notes.txt");
	}

	@Test
	void refusesASentinelDirectoryWithASubdirectory() throws Exception {
		Path directory = report();
		Files.createDirectories(directory.resolve("assets"));
		assertThat(new ReportDirectory(directory).wipe()).contains("known set");
		assertThat(directory.resolve("results.json")).exists();
	}

	@Test
	void refusesUnknownFilesAmongThePartials() throws Exception {
		Path directory = report();
		Files.createDirectories(directory.resolve("_partial"));
		Files.writeString(directory.resolve("_partial/keep.me"), "mine");
		assertThat(new ReportDirectory(directory).wipe()).contains("known set");
		assertThat(directory.resolve("_partial/keep.me")).exists();
	}

	@Test
	void wipesItsOwnFilesAndKeepsTheSentinel() throws Exception {
		Path directory = report();
		Files.createDirectories(directory.resolve("_partial"));
		Files.writeString(directory.resolve("_partial/worker-pid-1.json"), "{}");
		Files.writeString(directory.resolve("_partial/worker-pid-1.running"), "{}");
		ReportDirectory report = new ReportDirectory(directory);
		assertThat(report.prepare()).isNull();
		assertThat(report.wipe()).isNull();
		assertThat(names(directory)).containsExactly(".choreo-report");
	}

	@Test
	void locksTheDirectoryThroughItsSentinel() throws Exception {
		ReportDirectory report = new ReportDirectory(this.work.resolve("locked"));
		report.prepare();
		try (ReportDirectory.Lock lock = report.lock()) {
			assertThat(lock.lock().isValid()).isTrue();
		}
		assertThat(report.path().resolve(".choreo-report")).hasContent("choreo-report v1 output directory");
	}

	private Path report() throws Exception {
		Path directory = Files.createDirectories(this.work.resolve("report"));
		Files.writeString(directory.resolve(".choreo-report"), "choreo-report v1 output directory\n");
		Files.writeString(directory.resolve("results.json"), "{}");
		Files.writeString(directory.resolve("index.html"), "<html></html>");
		return directory;
	}

	private static List<String> names(Path directory) throws Exception {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.map((entry) -> entry.getFileName().toString()).sorted().toList();
		}
	}

}
