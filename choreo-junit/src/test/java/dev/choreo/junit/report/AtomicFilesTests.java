package dev.choreo.junit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AtomicFilesTests {

	@TempDir
	Path directory;

	@Test
	void writesAFileThroughATemporaryFileItRemoves() throws Exception {
		Path file = this.directory.resolve("results.json");
		AtomicFiles.write(file, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
		assertThat(file).hasContent("{\"a\":1}");
		assertThat(names()).containsExactly("results.json");
	}

	@Test
	void replacesAnExistingFileWhole() throws Exception {
		Path file = Files.writeString(this.directory.resolve("index.html"), "old content that is longer");
		AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));
		assertThat(file).hasContent("new");
		assertThat(names()).containsExactly("index.html");
	}

	@Test
	void leavesTheOldFileWhenTheWriteFails() throws Exception {
		Path file = Files.writeString(this.directory.resolve("results.json"), "old");
		Files.createDirectories(AtomicFiles.temporaryFor(file).resolve("blocker"));
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8)));
		assertThat(file).hasContent("old");
	}

	@Test
	void namesTheTemporaryFileBesideTheTarget() {
		assertThat(AtomicFiles.temporaryFor(this.directory.resolve("results.json")))
			.isEqualTo(this.directory.resolve(".results.json.tmp"));
	}

	private java.util.List<String> names() throws IOException {
		try (Stream<Path> entries = Files.list(this.directory)) {
			return entries.map((entry) -> entry.getFileName().toString()).sorted().toList();
		}
	}

}
