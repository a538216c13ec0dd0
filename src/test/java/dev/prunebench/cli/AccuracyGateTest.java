package dev.prunebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.accuracy.AccuracyBaseline;
import dev.prunebench.accuracy.AccuracyRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The accuracy gate cannot be switched off by accident: a baseline that is missing or does not parse
 * is a usage error before anything is measured or created, a baseline without rows for what is
 * measured now fails with the list, and {@code reproduce} finds the committed baseline through the
 * project, not the working directory.
 */
class AccuracyGateTest {

  private static final Path COMMITTED = Path.of("reports/accuracy/baseline.csv");

  @TempDir Path dir;

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

  static Stream<Arguments> badBaselines() {
    String header = AccuracyRow.HEADER + "\n";
    String good = "ejml,pseudo-inverse,gaussian,20,32,penrose_axa,0.0045,30.0\n";
    return Stream.of(
        Arguments.of("garbage", "garbage,1\n", "not an accuracy CSV"),
        Arguments.of("empty", "", "not an accuracy CSV"),
        Arguments.of("header-only", header, "holds no measurements"),
        Arguments.of("short-line", header + good + "ejml,x\n", "line 3: accuracy CSV line: expected 8 fields, got 2"),
        Arguments.of("bad-number", header + good.replace(",20,", ",twenty,"), "line 2: "),
        Arguments.of("nan-ratio", header + good.replace("0.0045", "NaN"), "line 2: ratio NaN"),
        Arguments.of("negative-threshold", header + good.replace("30.0", "-1"), "line 2: threshold -1.0"),
        Arguments.of("duplicate", header + good + good, "line 3: measurement ejml,pseudo-inverse"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBaselines")
  void aBaselineThatDoesNotParseIsOneLineExitTwoBeforeMeasuring(String name, String content, String reason)
      throws IOException {
    Path baseline = Files.writeString(dir.resolve(name + ".csv"), content);
    Path out = dir.resolve("out");
    Run r = run("accuracy", "--backend", "reference", "--baseline", baseline.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains("--baseline " + baseline + ": ").contains(reason);
    assertThat(r.out()).as("nothing measured").isEmpty();
    assertThat(out).as("nothing created").doesNotExist();
  }

  @Test
  void aBaselineThatDoesNotExistIsOneLineExitTwoBeforeMeasuring() {
    Path missing = dir.resolve("nonexistent.csv");
    Path out = dir.resolve("out");
    Run r = run("accuracy", "--baseline", missing.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains("--baseline " + missing + ": no such file");
    assertThat(r.out()).isEmpty();
    assertThat(out).doesNotExist();
    // a directory is not a baseline either
    assertThat(run("accuracy", "--baseline", dir.toString(), "--out", out.toString()).code()).isEqualTo(2);
  }

  /**
   * Two measurements of the reference backend (a few seconds each): the update writes a baseline that
   * the strict reader accepts, and with one kernel's rows removed that baseline fails with the list.
   */
  @Test
  void updateWritesABaselineThatPassesAndABaselineLackingRowsFailsListingThem() throws IOException {
    Path baseline = dir.resolve("baselines").resolve("mine.csv");
    Path out = dir.resolve("out");
    Run update = run("accuracy", "--backend", "reference", "--update-baseline", "--baseline", baseline.toString(),
        "--out", out.toString());
    assertThat(update.code()).as(update.out() + update.err()).isZero();
    assertThat(update.out()).contains("updated " + baseline);
    List<String> lines = Files.readAllLines(baseline);
    assertThat(AccuracyBaseline.read(baseline)).hasSize(lines.size() - 1)
        .allSatisfy(row -> assertThat(row.backend()).isEqualTo("reference"));

    List<String> withoutPinv = lines.stream().filter(l -> !l.contains(",pseudo-inverse,")).toList();
    int removed = lines.size() - withoutPinv.size();
    assertThat(removed).isGreaterThan(5);
    Path lacking = Files.write(dir.resolve("lacking.csv"), withoutPinv);
    Run fail = run("accuracy", "--backend", "reference", "--baseline", lacking.toString(), "--out", out.toString());
    assertThat(fail.code()).as(fail.out()).isEqualTo(1);
    assertThat(fail.out()).contains("MISSING: the baseline has no row for " + removed + " measurements made now: "
        + "backend reference, kernel pseudo-inverse, class ").contains("; and " + (removed - 5) + " more");
    // one line for all of them, not one per row
    assertThat(fail.out().lines().filter(l -> l.startsWith("MISSING:"))).hasSize(1);
  }

  @Test
  void theCommittedBaselineIsFoundThroughTheProjectNotTheWorkingDirectory() {
    // tests run from target/test-classes beside target/classes: two levels up is the project
    assertThat(ProjectHome.accuracyBaseline()).isEqualTo(COMMITTED.toAbsolutePath().normalize());
    assertThat(ProjectHome.accuracyBaseline()).isRegularFile();
    String before = System.getProperty(ProjectHome.PROPERTY);
    try {
      System.setProperty(ProjectHome.PROPERTY, dir.toString());
      assertThat(ProjectHome.accuracyBaseline()).isEqualTo(dir.resolve(COMMITTED));
    } finally {
      restore(before);
    }
  }

  @Test
  void reproduceWithoutItsBaselineFailsLoudlyBeforeAnyExperiment() throws IOException {
    Path out = dir.resolve("reports");
    String before = System.getProperty(ProjectHome.PROPERTY);
    try {
      // the launcher's -Dprunebench.home pointing at a checkout without the committed baseline
      System.setProperty(ProjectHome.PROPERTY, dir.toString());
      Run r = run("reproduce", "--out", out.toString());
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).contains("--baseline " + dir.resolve(COMMITTED) + ": no such file");
      assertThat(r.out()).isEmpty();
      assertThat(out).doesNotExist();
    } finally {
      restore(before);
    }
    Path corrupt = Files.writeString(dir.resolve("corrupt.csv"), "garbage,1\n");
    Run r = run("reproduce", "--baseline", corrupt.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--baseline " + corrupt + ": not an accuracy CSV");
    assertThat(out).doesNotExist();
  }

  private static void restore(String before) {
    if (before == null) {
      System.clearProperty(ProjectHome.PROPERTY);
    } else {
      System.setProperty(ProjectHome.PROPERTY, before);
    }
  }
}
