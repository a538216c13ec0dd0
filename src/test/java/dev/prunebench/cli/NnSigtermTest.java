package dev.prunebench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prunebench.data.MnistCache;
import dev.prunebench.data.MnistSource;
import dev.prunebench.linalg.Backend;
import dev.prunebench.report.ReportTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while {@code nn} trains on OpenBLAS job threads: the JVM must exit with 128 + 15 and no
 * crash. Regression for a defect where the exit-time destructor of OpenBLAS ran while job threads were
 * still inside the library (SIGSEGV with an hs_err file, or a hang in {@code blas_thread_shutdown_});
 * see {@code NativeCallGate}. The child is the real command line in its own JVM.
 */
class NnSigtermTest {
  @TempDir Path dir;

  @Test
  void sigtermDuringOpenBlasJobsExitsWith143WithoutCrashOrLeftovers() throws Exception {
    assumeTrue(Backend.OPENBLAS.availability().available(),
        () -> "openblas unavailable: " + Backend.OPENBLAS.availability().reason());
    Path tarball = MnistCache.directory().resolve(MnistSource.MNIST_1_1_0.tarballName());
    assumeTrue(Files.isRegularFile(tarball), () -> "MNIST digits not cached at " + tarball + " (offline run)");
    Path out = dir.resolve("nn");
    Path log = dir.resolve("child.log");
    List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "nn", "--preset", "quick", "--backend", "openblas", "--threads-policy", "jobs", "--train", "1000",
        "--test", "200", "--width", "512", "--progress", "log", "--out", out.toString());
    Process child = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      awaitLine(child, log, "(trainings) 0/");
      Thread.sleep(1_500); // inside the λ sweep: both job threads run OpenBLAS kernels
      assertThat(child.isAlive()).as("still training when signalled: %s", Files.readString(log)).isTrue();
      child.destroy(); // SIGTERM
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    } finally {
      child.destroyForcibly();
    }
    String text = Files.readString(log);
    assertThat(child.exitValue()).as(text).isEqualTo(143); // 128 + SIGTERM: killed, not finished
    assertThat(text).doesNotContain("SIGSEGV").doesNotContain("hs_err");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
    }
    assertThat(ReportTrees.leftovers(out)).as("staging directory and lock removed").isEmpty();
    assertThat(out).as("an interrupted run commits no report").doesNotExist();
  }

  private static void awaitLine(Process child, Path log, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String s = Files.exists(log) ? Files.readString(log) : "";
      if (s.contains(text)) {
        return;
      }
      assertThat(child.isAlive()).as("child exited early: %s", s).isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("the child never started training: " + Files.readString(log));
  }
}
