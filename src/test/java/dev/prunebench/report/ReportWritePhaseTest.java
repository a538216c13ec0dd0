package dev.prunebench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run interrupted in its write phase — SIGKILL, SIGTERM, a full disk — or started while another
 * writes the same {@code --out} leaves the previous report byte-identical. The child JVM runs the real
 * command line with the test hook {@link AtomicFiles#PAUSE_PROPERTY}, which sleeps after every file,
 * so the signal lands between two files of the report.
 */
class ReportWritePhaseTest {
  @TempDir Path dir;

  /** The smallest Theorem 4.3 run: two ratios, one initial point, about a second. */
  private static final List<String> THEOREM43 = List.of("theorem43", "-n", "2", "--group-sizes", "2,2",
      "--min-exponent", "0", "--max-exponent", "1", "--exponent-step", "1", "--trajectory-exponents", "0",
      "--init", "zero", "--no-one-sample", "--progress", "none");

  @AfterEach
  void restoreTheOpener() {
    AtomicFiles.useOpener(null);
  }

  private Path target() {
    return dir.resolve("report");
  }

  private record Run(int code, String out, String err) {}

  private Run runHere(String... extra) {
    List<String> args = new ArrayList<>(THEOREM43);
    args.addAll(List.of("--out", target().toString()));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** Starts the command in a child JVM that pauses {@code pauseMillis} after every file it writes. */
  private Process startChild(long pauseMillis) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-D" + AtomicFiles.PAUSE_PROPERTY + "=" + pauseMillis, "-Djava.awt.headless=true", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(THEOREM43);
    cmd.addAll(List.of("--out", target().toString()));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  /** Waits until the child's staging directory holds at least {@code files} files: it is writing the report. */
  private void awaitWritePhase(Process child, int files) throws Exception {
    Path staging = dir.resolve(".report.staging-" + child.pid());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertThat(child.isAlive()).as("child exited early: %s", log()).isTrue();
      if (Files.isDirectory(staging)) {
        try (Stream<Path> s = Files.list(staging)) {
          if (s.filter(p -> !p.getFileName().toString().endsWith(".tmp")).count() >= files) {
            return;
          }
        } catch (java.nio.file.NoSuchFileException e) {
          // renamed in between: not expected with the pause, checked by the caller's assertions
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the child never reached its write phase: " + log());
  }

  private String log() throws IOException {
    Path f = dir.resolve("child.log");
    return Files.exists(f) ? Files.readString(f) : "";
  }

  private Map<String, String> oldReport() throws IOException {
    assertThat(runHere().code()).isZero();
    return ReportTrees.snapshot(target());
  }

  @Test
  void sigkillInTheWritePhaseLeavesTheOldReportAndTheNextRunCleansUp() throws Exception {
    Map<String, String> before = oldReport();
    Process child = startChild(1_000);
    awaitWritePhase(child, 1);
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(ReportTrees.snapshot(target())).isEqualTo(before);
    // SIGKILL runs no hook: its staging directory and lock are still there ...
    assertThat(ReportTrees.leftovers(target())).contains(".report.staging-" + child.pid(), ".report.lock");
    // ... until the next run into the same --out, which takes over the dead pid's lock
    Run next = runHere();
    assertThat(next.code()).as(next.err()).isZero();
    assertThat(ReportTrees.leftovers(target())).isEmpty();
    // same seed and options: the CSVs are byte-identical to the old report's
    Map<String, String> after = ReportTrees.snapshot(target());
    before.keySet().stream().filter(k -> k.endsWith(".csv") && !k.equals("claims.csv"))
        .forEach(k -> assertThat(after.get(k)).as(k).isEqualTo(before.get(k)));
  }

  @Test
  void sigtermInTheWritePhaseLeavesTheOldReportAndNoStaging() throws Exception {
    Map<String, String> before = oldReport();
    Process child = startChild(1_000);
    awaitWritePhase(child, 1);
    child.destroy();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(log()).isEqualTo(143); // 128 + SIGTERM: killed, not finished
    assertThat(ReportTrees.snapshot(target())).isEqualTo(before);
    assertThat(ReportTrees.leftovers(target())).as("the shutdown hook removed staging and lock").isEmpty();
  }

  @Test
  void aSecondRunIntoTheSameOutIsRefusedAtStartWhileTheFirstWrites() throws Exception {
    oldReport();
    Process child = startChild(300);
    awaitWritePhase(child, 1);
    Run second = runHere();
    assertThat(second.code()).isEqualTo(2);
    assertThat(second.err().strip().lines()).hasSize(1);
    assertThat(second.err()).contains("is being written by another prunebench run (pid " + child.pid());
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(log()).isZero();
    // the first run's report is whole: its manifest names exactly the files it wrote
    Map<String, String> after = ReportTrees.snapshot(target());
    assertThat(after.get(ReportDirectory.MANIFEST)).contains("\"files\"");
    assertThat(after.keySet()).contains("README.md", "claims.csv", "sweep-zero.csv", "trajectories-zero.csv");
    assertThat(ReportTrees.leftovers(target())).isEmpty();
  }

  @Test
  void aFullDiskIsOneLineNamingThePathAndTheOldReportStays() throws Exception {
    Map<String, String> before = oldReport();
    int[] opened = {0};
    AtomicFiles.useOpener(p -> {
      if (++opened[0] > 2) {
        throw new IOException("No space left on device");
      }
      return Files.newOutputStream(p, java.nio.file.StandardOpenOption.CREATE_NEW);
    });
    Run r = runHere();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains("no space left on device").contains(target().toString())
        .doesNotContain("staging");
    assertThat(ReportTrees.snapshot(target())).isEqualTo(before);
    assertThat(ReportTrees.leftovers(target())).isEmpty();
  }
}
