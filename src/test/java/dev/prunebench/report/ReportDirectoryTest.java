package dev.prunebench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReportDirectory}: which targets it accepts, what a replacement keeps, and what a failure leaves. */
class ReportDirectoryTest {
  @TempDir Path dir;

  private static ReportManifest manifest(String experiment) {
    return ReportManifest.start(experiment, "prunebench " + experiment + " --test", 7L, List.of(), "abc1234");
  }

  /** Writes a report of {@code experiment} with {@code files} (name → text) and commits it. */
  private static void report(Path target, String experiment, Map<String, String> files, Predicate<String> keep)
      throws Exception {
    try (ReportDirectory d = ReportDirectory.open(target, manifest(experiment), false, keep)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        AtomicFiles.writeString(d.staging().resolve(f.getKey()), f.getValue());
      }
      d.commit();
    }
  }

  @Test
  void aReplacementDropsFilesTheNewReportNoLongerWritesAndLeavesNothingBeside() throws Exception {
    Path t = dir.resolve("r");
    report(t, "theorem43", Map.of("README.md", "# one", "sweep-zero.csv", "a", "sweep-gaussian.csv", "b"), n -> false);
    report(t, "theorem43", Map.of("README.md", "# two", "sweep-gaussian.csv", "c"), n -> false);
    Map<String, String> files = ReportTrees.snapshot(t);
    // a stale sweep-zero.csv from another configuration must not survive beside the new report
    assertThat(files.keySet()).containsExactly(ReportDirectory.MANIFEST, "README.md", "sweep-gaussian.csv");
    assertThat(files.get("README.md")).startsWith("# two").contains("## Provenance").contains("seed 7");
    assertThat(files.get(ReportDirectory.MANIFEST)).contains("\"experiment\" : \"theorem43\"")
        .contains("\"files\" : [ \"README.md\", \"sweep-gaussian.csv\" ]").contains("\"commit\" : \"abc1234\"");
    assertThat(ReportTrees.leftovers(t)).isEmpty();
  }

  @Test
  void aNestedReportACommittedBaselineAndEarlierResultsAreCarriedOver() throws Exception {
    Path nn = dir.resolve("nn");
    report(nn, "nn", Map.of("README.md", "# quick"), n -> false);
    report(nn.resolve("paper"), "nn", Map.of("README.md", "# paper"), n -> false);
    report(nn, "nn", Map.of("README.md", "# quick again"), n -> false);
    assertThat(ReportTrees.snapshot(nn)).containsEntry("paper/README.md", ReportTrees.snapshot(nn.resolve("paper"))
        .get("README.md")).containsKey("paper/" + ReportDirectory.MANIFEST);

    Path acc = dir.resolve("accuracy");
    report(acc, "accuracy", Map.of("README.md", "#", "accuracy.csv", "1", "baseline.csv", "base"),
        "baseline.csv"::equals);
    report(acc, "accuracy", Map.of("README.md", "#", "accuracy.csv", "2"), "baseline.csv"::equals);
    assertThat(ReportTrees.snapshot(acc)).containsEntry("baseline.csv", "base").containsEntry("accuracy.csv", "2");

    Path bench = dir.resolve("bench");
    Predicate<String> json = n -> n.endsWith(".json");
    report(bench, "bench", Map.of("README.md", "#", "a.json", "1", "old.png", "x"), json);
    report(bench, "bench", Map.of("README.md", "#", "b.json", "2"), json);
    assertThat(ReportTrees.snapshot(bench)).containsKeys("a.json", "b.json").doesNotContainKey("old.png");
  }

  @Test
  void aDirectoryThatIsNotThisExperimentsReportIsRefusedNamingOneFile() throws Exception {
    Path user = dir.resolve("home");
    Files.createDirectories(user);
    Files.writeString(user.resolve("README.md"), "my own notes");
    assertThatThrownBy(() -> ReportDirectory.open(user, manifest("linear"), false, n -> false))
        .isInstanceOf(ReportDirectory.RefusedException.class)
        .hasMessageContaining(user.resolve("README.md").toString()).hasMessageContaining("--force");
    assertThat(ReportTrees.leftovers(user)).isEmpty();

    Path other = dir.resolve("other");
    report(other, "theorem43", Map.of("README.md", "#"), n -> false);
    assertThatThrownBy(() -> ReportDirectory.open(other, manifest("linear"), false, n -> false))
        .hasMessageContaining("holds a prunebench theorem43 report, not linear");

    Path broken = dir.resolve("broken");
    Files.createDirectories(broken);
    Files.writeString(broken.resolve(ReportDirectory.MANIFEST), "{ not json");
    assertThatThrownBy(() -> ReportDirectory.open(broken, manifest("linear"), false, n -> false))
        .isInstanceOf(ReportDirectory.RefusedException.class).hasMessageContaining("is not a prunebench report manifest");

    // --force writes into the user's directory but keeps the user's other files
    Files.writeString(user.resolve("notes.txt"), "keep me");
    try (ReportDirectory d = ReportDirectory.open(user, manifest("linear"), true, n -> false)) {
      AtomicFiles.writeString(d.staging().resolve("README.md"), "# report");
      d.commit();
    }
    assertThat(ReportTrees.snapshot(user)).containsEntry("notes.txt", "keep me");
    assertThat(ReportTrees.snapshot(user).get("README.md")).startsWith("# report");
  }

  @Test
  void aFailureBeforeTheCommitLeavesThePreviousReportByteIdenticalAndNoStaging() throws Exception {
    Path t = dir.resolve("r");
    report(t, "linear", Map.of("README.md", "# old", "fig1c.csv", "old"), n -> false);
    Map<String, String> before = ReportTrees.snapshot(t);
    assertThatThrownBy(() -> {
      try (ReportDirectory d = ReportDirectory.open(t, manifest("linear"), false, n -> false)) {
        AtomicFiles.writeString(d.staging().resolve("fig1c.csv"), "new");
        throw new IllegalStateException("the experiment failed");
      }
    }).hasMessage("the experiment failed");
    assertThat(ReportTrees.snapshot(t)).isEqualTo(before);
    assertThat(ReportTrees.leftovers(t)).isEmpty();
  }

  @Test
  void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
    Path t = dir.resolve("r");
    try (ReportDirectory first = ReportDirectory.open(t, manifest("linear"), false, n -> false)) {
      assertThatThrownBy(() -> ReportDirectory.open(t, manifest("linear"), false, n -> false))
          .isInstanceOf(ReportDirectory.RefusedException.class)
          .hasMessageContaining("is being written by another prunebench run (pid " + ProcessHandle.current().pid());
      assertThat(first.staging()).isDirectory();
    }
    assertThat(ReportTrees.leftovers(t)).isEmpty();
  }

  @Test
  void whatAKilledRunLeftIsCleanedUpAndNeverRead() throws Exception {
    Path t = dir.resolve("r");
    report(t, "linear", Map.of("README.md", "# old"), n -> false);
    // a SIGKILLed run: its staging directory with a half-written report, and its lock (a pid that has exited)
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Path stale = dir.resolve(".r.staging-" + dead.pid());
    Files.createDirectories(stale);
    Files.writeString(stale.resolve("fig1c.csv"), "from another seed");
    Files.writeString(dir.resolve(".r.lock"), "pid " + dead.pid() + " started 2026-01-01T00:00:00Z\n");
    report(t, "linear", Map.of("README.md", "# new"), n -> false);
    assertThat(ReportTrees.snapshot(t)).doesNotContainKey("fig1c.csv");
    assertThat(ReportTrees.leftovers(t)).isEmpty();

    // killed between the two renames of a swap: the old report is aside and the target is missing
    Map<String, String> before = ReportTrees.snapshot(t);
    Files.move(t, dir.resolve(".r.old-" + dead.pid()));
    try (ReportDirectory d = ReportDirectory.open(t, manifest("linear"), false, n -> false)) {
      assertThat(ReportTrees.snapshot(t)).isEqualTo(before);
    }
    assertThat(ReportTrees.leftovers(t)).isEmpty();
  }

  @Test
  void filesAndDirectoriesGetTheUsualPermissionsNotOwnerOnly() throws Exception {
    Path t = dir.resolve("r");
    report(t, "linear", Map.of("README.md", "#", "a.csv", "1"), n -> false);
    // what this process's umask gives a plain new file and directory
    Set<PosixFilePermission> plainFile = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
    Set<PosixFilePermission> plainDir = Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("pd")));
    assertThat(Files.getPosixFilePermissions(t.resolve("a.csv"))).isEqualTo(plainFile);
    assertThat(Files.getPosixFilePermissions(t.resolve(ReportDirectory.MANIFEST))).isEqualTo(plainFile);
    assertThat(Files.getPosixFilePermissions(t)).isEqualTo(plainDir);
    if (plainFile.equals(PosixFilePermissions.fromString("rw-r--r--"))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(t.resolve("a.csv"))))
          .isEqualTo("rw-r--r--"); // umask 022: 0644, not the 0600 of Files.createTempFile
    }
  }
}
