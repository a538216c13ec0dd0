package dev.prunebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prunebench.report.bench.BenchEnvironment;
import dev.prunebench.report.bench.BenchGroup;
import dev.prunebench.report.bench.Calibration;
import dev.prunebench.report.bench.ForkRunner;
import dev.prunebench.report.bench.JmhResult;
import dev.prunebench.report.bench.KernelCost;
import dev.prunebench.report.bench.ProtocolJson;
import dev.prunebench.report.bench.ProtocolRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code compare} on files written by the protocol: the fork-based rule decides, and files from different
 * machines (their {@code .env.json}) are compared on calibration-normalised ratios, which the output says.
 */
class CompareProtocolTest {
  @TempDir Path dir;

  private static final ForkRunner.Settings SETTINGS = new ForkRunner.Settings(1, 10, 2, 10, List.of(), false);
  private static final double[] FORKS = {10.0, 10.2, 9.9, 10.1, 10.05};

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A protocol file of one GEMM group on the reference backend, fork times scaled by {@code factor}, with its environment. */
  private Path file(String stem, double factor, String host, double calibrationGemmMs) throws IOException {
    BenchGroup g = new BenchGroup("GemmBenchmark", "gemm", new TreeMap<>(Map.of("op", "AB",
        "parallelism", "ALL_CORES", "shape", "M128_K784_N1024")), List.of("REFERENCE"));
    List<JmhResult.Fork> forks = new ArrayList<>();
    List<double[]> iterations = new ArrayList<>();
    for (int i = 0; i < FORKS.length; i++) {
      forks.add(new JmhResult.Fork(i, FORKS[i] * factor));
      iterations.add(new double[] {FORKS[i] * factor});
    }
    ProtocolRun.Measured m = new ProtocolRun.Measured(g, "REFERENCE", "avgt", "ms/op", forks, iterations,
        new double[] {Double.NaN});
    Path json = dir.resolve(stem + ".json");
    Files.write(json, new ObjectMapper().writeValueAsBytes(ProtocolJson.write(List.of(m), SETTINGS)));
    Calibration c = new Calibration(Calibration.NOISY_THRESHOLD, List.of(
        new Calibration.Kernel("dgemm", KernelCost.Bound.COMPUTE, "ms/op", new double[] {calibrationGemmMs},
            new double[] {calibrationGemmMs}),
        new Calibration.Kernel("copy", KernelCost.Bound.MEMORY, "ms/op", new double[] {10}, new double[] {10})));
    BenchEnvironment env = new BenchEnvironment("2026-12-01", "abc1234", "ci", "vm", "17", "Linux amd64", "cpu", 2,
        1L << 30, "null", "null", List.of(), host, c);
    Files.write(dir.resolve(stem + ".env.json"), new ObjectMapper().writeValueAsBytes(env));
    return json;
  }

  @Test
  void aSlowerMachineIsNotARegressionOnceNormalisedAndTheOutputSaysSo() throws IOException {
    Path old = file("old", 1.0, "fast-host", 100);
    Path slower = file("new", 1.5, "slow-host", 150);
    Run auto = run("compare", old.toString(), slower.toString());
    assertThat(auto.code()).as(auto.out() + auto.err()).isZero();
    assertThat(auto.out()).contains("**Normalised by calibration** (different machines)")
        .contains("OLD ran on fast-host").contains("dgemm 1.500");
    Run never = run("compare", "--normalise", "never", old.toString(), slower.toString());
    assertThat(never.code()).as(never.out()).isEqualTo(1);
    assertThat(never.out()).contains("**REGRESSION**").doesNotContain("Normalised");
  }

  @Test
  void onOneMachineARealSlowdownIsFlaggedOnTheForksInterval() throws IOException {
    Path old = file("old", 1.0, "host", 100);
    Path slowed = file("slowed", 1.15, "host", 100);
    Path same = file("same", 1.0, "host", 100);
    Run flagged = run("compare", old.toString(), slowed.toString());
    assertThat(flagged.code()).isEqualTo(1);
    assertThat(flagged.out()).contains("| 1.150 | [").doesNotContain("Normalised");
    Run quiet = run("compare", old.toString(), same.toString());
    assertThat(quiet.code()).as(quiet.out()).isZero();
  }

  @Test
  void normaliseAlwaysNeedsBothCalibrations() throws IOException {
    Path old = file("old", 1.0, "host", 100);
    Path plain = dir.resolve("plain.json");
    Files.copy(dir.resolve("old.json"), plain);
    Run r = run("compare", "--normalise", "always", old.toString(), plain.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--normalise always");
  }
}
