package dev.prunebench.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prunebench.accuracy.AccuracyBaseline;
import dev.prunebench.accuracy.AccuracyTable;
import dev.prunebench.cli.Main;
import dev.prunebench.data.Digits;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.nn.NnConfig;
import dev.prunebench.nn.NnExperiment;
import dev.prunebench.nn.NnReport;
import dev.prunebench.nn.Trainer;
import dev.prunebench.util.Rng;
import dev.prunebench.util.ThreadPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The same seed and configuration give byte-identical CSV files: every experiment, run twice at a
 * tiny size into two directories.
 */
class SameSeedSameBytesTest {
  @TempDir Path dir;

  @Test
  void theorem43WritesIdenticalCsvsTwice() throws IOException {
    for (String run : List.of("a", "b")) {
      assertThat(quietly("theorem43", "--out", dir.resolve(run).toString(), "-n", "6", "--group-sizes", "12,18",
          "--min-exponent", "-2", "--max-exponent", "3", "--exponent-step", "1", "--trajectory-exponents", "0,2",
          "--seed", "11")).isZero();
    }
    assertSameCsvs(dir.resolve("a"), dir.resolve("b"), 6);
  }

  @Test
  void linearFigure1WritesIdenticalCsvsTwice() throws IOException {
    assertThat(Main.commandLine().getSubcommands()).as("the linear subcommand").containsKey("linear");
    for (String run : List.of("a", "b")) {
      assertThat(quietly("linear", "--out", dir.resolve(run).toString(), "--p", "60", "--n", "36", "--trials", "2",
          "--draws", "20", "--sparsity-points", "5", "--seed", "5", "--no-progress")).isZero();
    }
    assertSameCsvs(dir.resolve("a"), dir.resolve("b"), 5);
    // fig1a/1b/1c + summary + claims; the index reads the claims back: 5 comparisons of Section 3.1,
    // Figure 1c, the Definition 3.2 agreement and the erratum
    assertThat(dev.prunebench.report.Claims.read(dir.resolve("a").resolve("claims.csv"))).hasSize(8);
  }

  /**
   * Same seed, backend, thread count and OpenBLAS core type: byte-identical CSVs on the native backend
   * too (its kernels are deterministic for a fixed core type and thread count; the manifest records both).
   */
  @Test
  void linearOnOpenBlasWritesIdenticalCsvsTwice() throws IOException {
    assumeTrue(Backend.OPENBLAS.availability().available(),
        () -> "OpenBLAS unavailable on this platform: " + Backend.OPENBLAS.availability().reason());
    for (String run : List.of("a", "b")) {
      assertThat(quietly("linear", "--out", dir.resolve(run).toString(), "--p", "60", "--n", "36", "--trials", "2",
          "--draws", "20", "--sparsity-points", "5", "--seed", "5", "--backend", "openblas", "--no-progress"))
          .isZero();
    }
    assertSameCsvs(dir.resolve("a"), dir.resolve("b"), 5);
    assertThat(Files.readString(dir.resolve("a").resolve(dev.prunebench.report.ReportDirectory.MANIFEST)))
        .contains("\"name\" : \"openblas\"").contains("\"openblasCoretype\"").contains("core ");
    assertThat(Files.readString(dir.resolve("a").resolve("README.md"))).contains("backend `openblas`")
        .contains("OPENBLAS_CORETYPE");
  }

  @Test
  void theNetworkExperimentWritesIdenticalCsvsUnderEveryThreadPolicy() throws IOException {
    Digits data = clusters(160, 12, 3, 0.8, 19);
    NnConfig cfg = new NnConfig(NnConfig.Preset.QUICK, Backend.REFERENCE, 8, 100, 60, 1, 2, List.of(0.5, 2.0),
        List.of(0.05), 0.9, 20, 8, List.of(0.2, 0.05), 2, 0.05, 3);
    // a: everything on the caller; b: trainings and retrainings as concurrent jobs, finishing in
    // whatever order the scheduler picks; c: multi-threaded kernels (reference splits GEMM rows)
    for (ThreadPolicy policy : ThreadPolicy.values()) {
      NnExperiment.Results r = NnExperiment.run(Backend.REFERENCE.create(policy.kernelParallelism()), cfg, data,
          true, Trainer.Listener.SILENT, policy, dev.prunebench.util.Progress.none());
      NnReport.write(r, dir.resolve(policy.cliName()), "test");
    }
    // fig2_importance, training_history, fig3_fig4_pruning, fig3c_fig4f_survival, claims
    assertSameCsvs(dir.resolve("single"), dir.resolve("jobs"), 5);
    assertSameCsvs(dir.resolve("single"), dir.resolve("kernels"), 5);
  }

  @Test
  void theAccuracyTableIsIdenticalTwice() throws IOException {
    for (String run : List.of("a", "b")) {
      AccuracyBaseline.write(dir.resolve(run).resolve("accuracy.csv"),
          AccuracyTable.measure(List.of(Backend.REFERENCE), 42));
    }
    assertSameCsvs(dir.resolve("a"), dir.resolve("b"), 1);
  }

  private static int quietly(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  private static void assertSameCsvs(Path a, Path b, int atLeast) throws IOException {
    List<Path> csvs;
    try (Stream<Path> s = Files.list(a)) {
      csvs = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    assertThat(csvs).hasSizeGreaterThanOrEqualTo(atLeast);
    for (Path f : csvs) {
      Path g = b.resolve(f.getFileName());
      // compared as text for a readable diff; UTF-8 decoding is injective, so equal text = equal bytes
      assertThat(Files.readString(g)).as(f.getFileName().toString()).isEqualTo(Files.readString(f));
    }
    try (Stream<Path> s = Files.list(b)) {
      assertThat(s.filter(p -> p.toString().endsWith(".csv")).count()).isEqualTo(csvs.size());
    }
    // no temp file left behind by the atomic writes
    try (Stream<Path> s = Files.list(a)) {
      assertThat(s.filter(p -> p.toString().endsWith(".tmp")).toList()).isEmpty();
    }
  }

  /** K Gaussian clusters in d dimensions, clipped at 0 like pixel values (no MNIST needed). */
  private static Digits clusters(int n, int d, int k, double noise, long seed) {
    RandomGenerator rng = Rng.of(seed);
    double[][] means = new double[k][];
    for (int c = 0; c < k; c++) {
      means[c] = Rng.gaussian(rng, d, 1.0);
    }
    double[] x = new double[n * d];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % k;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = Math.max(0, means[i % k][j] + noise * rng.nextGaussian());
      }
    }
    return new Digits(Matrix.wrap(n, d, x), labels, k);
  }
}
