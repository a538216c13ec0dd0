package dev.prunebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every option of every command with bad values: exit status 2, exactly one line on stderr naming the
 * option, nothing on stdout, no file written and no {@code --out} directory created — before any work.
 */
class BadValuesTest {
  @TempDir Path dir;

  /** {command, option named in the message, arguments...}. */
  static Stream<Arguments> probes() {
    List<Arguments> a = new ArrayList<>();
    // linear: ranges, fractions, NaN/Infinity, overflowing sizes, memory, enums
    add(a, "linear", "--p", "--p", "1");
    add(a, "linear", "--p", "--p", "200000");
    add(a, "linear", "--p", "--p", "100000000");
    add(a, "linear", "--p", "--p", "40000"); // fits an array, not the heap (about 27 GiB)
    add(a, "linear", "--p", "--p", "abc");
    add(a, "linear", "--n", "--n", "0");
    add(a, "linear", "--n", "--n", "1000");
    add(a, "linear", "--kappa", "--kappa", "1/0");
    add(a, "linear", "--kappa", "--kappa", "abc");
    add(a, "linear", "--kappa", "--kappa", "0/0");
    add(a, "linear", "--kappa", "--kappa", "1");
    add(a, "linear", "--sigma", "--sigma", "-1");
    add(a, "linear", "--sigma", "--sigma", "NaN");
    add(a, "linear", "--sigma", "--sigma", "1e300");
    add(a, "linear", "--fraction", "--fraction", "2");
    add(a, "linear", "--lambdas", "--lambdas", "1e200");
    add(a, "linear", "--lambdas", "--lambdas", "1e-200");
    add(a, "linear", "--lambdas", "--lambdas", "0");
    add(a, "linear", "--lambdas", "--lambdas", "1,1/0");
    add(a, "linear", "--sparsity", "--sparsity", "1.5");
    add(a, "linear", "--sparsity", "--sparsity", "Infinity");
    add(a, "linear", "--sparsity-points", "--sparsity-points", "0");
    add(a, "linear", "--trials", "--trials", "1");
    add(a, "linear", "--draws", "--draws", "-5");
    add(a, "linear", "--seed", "--seed", "x");
    add(a, "linear", "--backend", "--backend", "nosuchlib");
    add(a, "linear", "--parallelism", "--parallelism", "many");
    add(a, "linear", "--algorithm", "--algorithm", "lu");
    add(a, "linear", "--hessian", "--hessian", "none");
    add(a, "linear", "--h", "--h", "per_q");
    add(a, "linear", "--theta", "--theta", "cubic");
    add(a, "linear", "--progress", "--progress", "loud");
    // nn: all of its range checks, combinations before loading MNIST, overflow and memory
    add(a, "nn", "--width", "--width", "0");
    add(a, "nn", "--width", "--width", "3000000");
    add(a, "nn", "--width", "--width", "200000");
    add(a, "nn", "--train", "--train", "0");
    add(a, "nn", "--train", "--train", "9000");
    add(a, "nn", "--test", "--test", "0");
    add(a, "nn", "--lambdas", "--lambdas", "0");
    add(a, "nn", "--lambdas", "--lambdas", "NaN");
    add(a, "nn", "--learning-rates", "--learning-rates", "0");
    add(a, "nn", "--learning-rates", "--learning-rates", "0.01,-1");
    add(a, "nn", "--learning-rates", "--learning-rates", "Infinity");
    add(a, "nn", "--max-epochs", "--max-epochs", "0");
    add(a, "nn", "--retrain-epochs", "--retrain-epochs", "0");
    add(a, "nn", "--fractions", "--fractions", "0");
    add(a, "nn", "--fractions", "--fractions", "1.5");
    add(a, "nn", "--seed", "--seed", "1.5");
    add(a, "nn", "--preset", "--preset", "huge");
    add(a, "nn", "--backend", "--backend", "nosuchlib");
    add(a, "nn", "--progress", "--progress", "bars");
    // theorem43
    add(a, "theorem43", "--samples", "--samples", "0");
    add(a, "theorem43", "--group-sizes", "--group-sizes", "10,60");
    add(a, "theorem43", "--group-sizes", "--group-sizes", "60");
    add(a, "theorem43", "--group-sizes", "--group-sizes", "2000000000,2000000000");
    add(a, "theorem43", "--exponent-step", "--exponent-step", "1e-9");
    add(a, "theorem43", "--exponent-step", "--exponent-step", "0");
    add(a, "theorem43", "--exponent-step", "--exponent-step", "-1");
    add(a, "theorem43", "--max-exponent", "--min-exponent", "9");
    add(a, "theorem43", "--max-exponent", "--max-exponent", "1000");
    add(a, "theorem43", "--min-exponent", "--min-exponent", "NaN");
    add(a, "theorem43", "--step-fraction", "--step-fraction", "2");
    add(a, "theorem43", "--step-fraction", "--step-fraction", "0");
    add(a, "theorem43", "--max-iterations", "--max-iterations", "0");
    add(a, "theorem43", "--tolerance", "--tolerance", "1");
    add(a, "theorem43", "--tolerance", "--tolerance", "-Infinity");
    add(a, "theorem43", "--trajectory-exponents", "--trajectory-exponents", "NaN");
    add(a, "theorem43", "--init", "--init", "ones");
    add(a, "theorem43", "--seed", "--seed", "x");
    add(a, "theorem43", "--backend", "--backend", "nosuchlib");
    // bench
    add(a, "bench", "--forks", "--forks", "-1");
    add(a, "bench", "--benchmark", "--benchmark", "NoSuchBenchmark");
    add(a, "bench", "--backend", "--backend", "nosuchlib");
    add(a, "bench", "--preset", "--preset", "huge");
    add(a, "bench", "--render-only", "--render-only", "/nonexistent/results.json");
    add(a, "bench", "--jvm-arg", "--jvm-arg", " ");
    add(a, "bench", "--progress", "--progress", "x");
    add(a, "bench", "--forks", "--forks", "1");
    add(a, "bench", "--reference", "--backend", "ejml", "--reference", "ojalgo");
    add(a, "bench gate-quality", "--slow", "--slow", "NoSuchBenchmark.run");
    add(a, "bench gate-quality", "--fraction", "--fraction", "0");
    add(a, "bench gate-quality", "--forks", "--forks", "2");
    add(a, "bench gate-quality", "--runs", "--runs", "0");
    add(a, "bench gate-quality", "--benchmark", "--benchmark", "CopyBaselineBenchmark");
    // accuracy
    add(a, "accuracy", "--backend", "--backend", "nosuchlib");
    add(a, "accuracy", "--seed", "--seed", "x");
    add(a, "accuracy", "--progress", "--progress", "x");
    // reproduce
    add(a, "reproduce", "--preset", "--preset", "huge");
    add(a, "reproduce", "--backend", "--backend", "nosuchlib");
    add(a, "reproduce", "--seed", "--seed", "x");
    add(a, "reproduce", "--progress", "--progress", "x");
    // backends (no --out)
    add(a, "backends", "--rows", "--rows", "0");
    add(a, "backends", "--cols", "--cols", "0");
    add(a, "backends", "--cols", "--rows", "100", "--cols", "50");
    add(a, "backends", "--cols", "--rows", "100000", "--cols", "100001");
    add(a, "backends", "--seed", "--seed", "x");
    // compare: its bad option values (the files are never read)
    add(a, "compare", "--threshold", "--threshold", "NaN", "old.json", "new.json");
    add(a, "compare", "--threshold", "--threshold", "abc", "old.json", "new.json");
    return a.stream();
  }

  private static void add(List<Arguments> a, String command, String option, String... args) {
    a.add(Arguments.of(command, option, args));
  }

  private record Run(int code, String out, String err) {}

  private Run run(List<String> args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("probes")
  void aBadValueIsOneLineExitTwoAndNothingWritten(String command, String option, String[] values)
      throws IOException {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(List.of(values));
    Path out = dir.resolve("out");
    if (command.equals("compare")) {
      args.addAll(List.of("--out", dir.resolve("out.md").toString()));
    } else if (!command.equals("backends")) {
      args.addAll(List.of("--out", out.toString()));
    }
    long t0 = System.nanoTime();
    Run r = run(args);
    double seconds = (System.nanoTime() - t0) / 1e9;

    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).as(r.err()).startsWith("prunebench " + command + ": ").contains(option)
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).as("stdout").isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("files written").isEmpty();
    }
    // Refused before any work: no probe gets near a computation (the old 'linear --p 100000000' ran
    // 48 s into an OutOfMemoryError). 10 s leaves room for a loaded 2-core machine.
    assertThat(seconds).as("seconds").isLessThan(10);
  }

  @Test
  void noCommandPrintsTheUsageOnStderrAndExitsTwo() {
    Run r = run(List.of());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("missing command").contains("Usage: prunebench");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMessageNamesTheOptionTheValueAndTheRule() {
    Run r = run(List.of("nn", "--width", "0", "--out", dir.resolve("o").toString()));
    assertThat(r.err().strip()).isEqualTo("prunebench nn: --width: value '0' is invalid: width must be at least 1, "
        + "got 0 (see 'prunebench nn --help')");
    Run train = run(List.of("nn", "--train", "9000", "--out", dir.resolve("o").toString()));
    assertThat(train.err()).contains("--train: value '9000' is invalid").contains("9000 training + 2000 test")
        .contains("10000 digits");
  }
}
