package dev.choreo.junit.report;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class GitInfoTests {

	private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

	@TempDir
	Path work;

	@Test
	void readsTheBranchAndItsLooseRef() throws Exception {
		Path git = Files.createDirectories(this.work.resolve("repo/.git/refs/heads/feature"));
		Files.writeString(git.resolve("x"), SHA + "\n");
		Files.writeString(this.work.resolve("repo/.git/HEAD"), "ref: refs/heads/feature/x\n");
		Path module = Files.createDirectories(this.work.resolve("repo/module"));
		assertThat(GitInfo.of(module)).isEqualTo(new GitInfo(SHA, "feature/x"));
	}

	@Test
	void readsAPackedRef() throws Exception {
		Path git = Files.createDirectories(this.work.resolve("repo/.git"));
		Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
		Files.writeString(git.resolve("packed-refs"), "# pack-refs with: peeled\n" + SHA + " refs/heads/main\n");
		assertThat(GitInfo.of(this.work.resolve("repo"))).isEqualTo(new GitInfo(SHA, "main"));
	}

	@Test
	void followsALinkedWorkTreeToItsCommonDirectory() throws Exception {
		Path common = Files.createDirectories(this.work.resolve("main/.git"));
		Path worktree = Files.createDirectories(common.resolve("worktrees/report"));
		Files.writeString(worktree.resolve("HEAD"), "ref: refs/heads/report\n");
		Files.writeString(worktree.resolve("commondir"), "../..\n");
		Files.createDirectories(common.resolve("refs/heads"));
		Files.writeString(common.resolve("refs/heads/report"), SHA + "\n");
		Path checkout = Files.createDirectories(this.work.resolve("wt"));
		Files.writeString(checkout.resolve(".git"), "gitdir: " + worktree + "\n");
		assertThat(GitInfo.of(checkout)).isEqualTo(new GitInfo(SHA, "report"));
	}

	@Test
	void readsADetachedHead() throws Exception {
		Path git = Files.createDirectories(this.work.resolve("repo/.git"));
		Files.writeString(git.resolve("HEAD"), SHA + "\n");
		assertThat(GitInfo.of(this.work.resolve("repo"))).isEqualTo(new GitInfo(SHA, null));
	}

	@Test
	void knowsNothingOutsideACheckout() {
		assertThat(GitInfo.of(Path.of("/")).branch()).isNull();
	}

}
