package dev.prunebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunebench.report.bench.JmhResult;
import dev.prunebench.report.bench.JmhResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code compare}'s exit status, the contract CI relies on: 0 no regression, 1 regression, 2 usage
 * error, 3 incomparable. Every fixture is derived from the committed JMH run
 * {@code reports/bench/2026-11-26-aa783c1.json} (116 measurements of JMH 1.37's {@code -rf json}), so
 * the files have the exact shape JMH writes.
 */
class CompareCommandTest {

  private static final Path REAL_RUN = Path.of("reports/bench/2026-11-26-aa783c1.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path old;
  private List<JmhResult> oldResults;

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

  @BeforeEach
  void copyTheRealRun() throws IOException {
    old = Files.copy(REAL_RUN, dir.resolve("old.json"));
    oldResults = JmhResults.read(old);
    assertThat(oldResults).hasSize(116);
  }

  /** The real run with {@code edit} applied to its JSON array, written to {@code name}. */
  private Path variant(String name, Consumer<ArrayNode> edit) throws IOException {
    ArrayNode rows = (ArrayNode) JSON.readTree(REAL_RUN.toFile());
    edit.accept(rows);
    Path p = dir.resolve(name);
    JSON.writeValue(p.toFile(), rows);
    return p;
  }

  private Path text(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static void eachPrimary(ArrayNode rows, Consumer<ObjectNode> edit) {
    rows.forEach(r -> edit.accept((ObjectNode) r.get("primaryMetric")));
  }

  /** Which file is OLD, which NEW, and the text the one-line refusal must contain. */
  private record Case(String name, Path oldFile, Path newFile, List<String> expected) {}

  private List<Case> incomparableCases() throws IOException {
    String first = oldResults.get(0).label();
    String fourth = oldResults.get(3).label();
    return List.of(
        new Case("OLD is []", text("empty-array.json", "[]"), old,
            List.of("no results: OLD", "empty-array.json")),
        new Case("NEW is an empty file", old, text("empty.json", ""), List.of("empty file: NEW", "empty.json")),
        new Case("NEW is JSON but not JMH", old, text("object.json", "{\"not\":\"jmh\"}"),
            List.of("not JMH JSON: NEW", "expected a JSON array")),
        new Case("NEW is truncated", old, text("cut.json", Files.readString(old).substring(0, 5000)),
            List.of("not JMH JSON: NEW", "not JSON")),
        new Case("no benchmark name matches", old, variant("renamed.json", rows -> rows.forEach(r ->
            ((ObjectNode) r).put("benchmark", r.get("benchmark").asText().replace("dev.prunebench", "org.other")))),
            List.of("nothing in common: none of the 116 measurements of OLD (e.g. " + first + ") is in NEW")),
        new Case("113 of 116 missing from NEW", old, variant("three.json", rows -> {
          while (rows.size() > 3) {
            rows.remove(3);
          }
        }), List.of("missing from NEW: " + fourth + " is in OLD but not in NEW, and 112 more", "--allow-missing")),
        new Case("every NEW score NaN", old, variant("nan.json", rows -> eachPrimary(rows, m -> m.put("score", "NaN"))),
            List.of("unusable score: " + first + " has score NaN in NEW, and 115 more")),
        new Case("an infinite OLD score", variant("inf.json", rows ->
            ((ObjectNode) rows.get(0).get("primaryMetric")).put("score", "Infinity")), old,
            List.of("unusable score: " + first + " has score Infinity in OLD")),
        new Case("a zero NEW score", old, variant("zero.json", rows ->
            ((ObjectNode) rows.get(1).get("primaryMetric")).put("score", 0.0)),
            List.of("unusable score: " + oldResults.get(1).label() + " has score 0.0 in NEW")),
        new Case("a single-iteration NEW (error NaN)", old, variant("one-iteration.json",
            rows -> eachPrimary(rows, m -> m.put("scoreError", "NaN"))),
            List.of("unusable score: " + first + " has error NaN in NEW, and 115 more")),
        new Case("NEW in another JMH mode", old, variant("thrpt.json", rows -> rows.forEach(r -> {
          ((ObjectNode) r).put("mode", "thrpt");
          ((ObjectNode) r.get("primaryMetric")).put("scoreUnit", "ops/ms");
        })), List.of("different mode: " + first + " is avgt in OLD but thrpt in NEW, and 115 more")),
        new Case("NEW in another unit", old, variant("us.json", rows -> eachPrimary(rows, m -> m.put("scoreUnit", "us/op"))),
            List.of("different unit: " + first + " is in ms/op in OLD but us/op in NEW, and 115 more")),
        new Case("a measurement twice in NEW", old, variant("twice.json", rows -> rows.add(rows.get(0).deepCopy())),
            List.of("duplicate measurement: " + first + " (avgt) appears more than once in NEW")));
  }

  @Test
  void eachIncomparableCaseExitsThreeWithOneLineNamingTheFirstOffenderAndWritesNoReport() throws IOException {
    for (Case c : incomparableCases()) {
      Path report = dir.resolve("report-" + c.name().replace(' ', '-') + ".md");
      Run r = run("compare", c.oldFile().toString(), c.newFile().toString(), "--out", report.toString());
      assertThat(r.code()).as(c.name() + ": " + r.err()).isEqualTo(CompareCommand.INCOMPARABLE);
      assertThat(r.err().strip().lines()).as(c.name() + ": " + r.err()).hasSize(1);
      assertThat(r.err()).as(c.name()).startsWith("prunebench compare: incomparable: ");
      for (String s : c.expected()) {
        assertThat(r.err()).as(c.name()).contains(s);
      }
      assertThat(r.out()).as(c.name()).isEmpty();
      assertThat(report).as(c.name()).doesNotExist();
    }
  }

  @Test
  void twoCopiesOfTheSameRunAreNoRegression() throws IOException {
    Path copy = Files.copy(old, dir.resolve("copy.json"));
    Run r = run("compare", old.toString(), copy.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("116 measurements compared, 0 regressions, 0 improvements");
    assertThat(run("compare", old.toString(), old.toString()).code()).isZero();
  }

  @Test
  void aRealRegressionExitsOneAndIsWrittenToOut() throws IOException {
    // the first measurement twice as slow, its interval moved with it: disjoint and 100 % > 10 %
    Path slow = variant("slow.json", rows -> {
      ObjectNode m = (ObjectNode) rows.get(0).get("primaryMetric");
      m.put("score", m.get("score").asDouble() * 2);
      ArrayNode ci = (ArrayNode) m.get("scoreConfidence");
      double lo = ci.get(0).asDouble();
      double hi = ci.get(1).asDouble();
      ci.removeAll().add(lo * 2).add(hi * 2);
    });
    Path report = dir.resolve("new-dir").resolve("cmp.md");
    Run r = run("compare", old.toString(), slow.toString(), "--out", report.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(Files.readString(report)).contains("1 regressions").contains("**REGRESSION**")
        .contains(oldResults.get(0).paramsLabel());
  }

  @Test
  void allowMissingJudgesTheSharedMeasurementsAndListsTheMissingOnes() throws IOException {
    Path three = variant("three.json", rows -> {
      while (rows.size() > 3) {
        rows.remove(3);
      }
    });
    Run r = run("compare", old.toString(), three.toString(), "--allow-missing");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("3 measurements compared, 0 regressions")
        .contains("113 measurements of OLD are missing from NEW").contains("- " + oldResults.get(115).label());
    Path renamed = variant("renamed.json", rows -> rows.forEach(x -> ((ObjectNode) x).put("benchmark", "x.Y.z")));
    assertThat(run("compare", old.toString(), renamed.toString(), "--allow-missing").code())
        .isEqualTo(CompareCommand.INCOMPARABLE);
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(List.of("--threshold", "NaN"), "--threshold"),
        Arguments.of(List.of("--threshold", "-1"), "--threshold"),
        Arguments.of(List.of("--threshold", "0"), "--threshold"),
        Arguments.of(List.of("--threshold", "Infinity"), "--threshold"),
        Arguments.of(List.of("--threshold", "abc"), "--threshold"),
        Arguments.of(List.of("--out", ""), "--out"),
        Arguments.of(List.of("--out", "  "), "--out"));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void aBadOptionExitsTwoWithOneLine(List<String> option, String named) {
    String[] args = Stream.concat(Stream.of("compare", old.toString(), old.toString()), option.stream())
        .toArray(String[]::new);
    Run r = run(args);
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains(named);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnreadableFileOrUnwritableOutExitsTwoNamingThePathAndTheReason() throws IOException {
    Path missing = dir.resolve("missing.json");
    Run r = run("compare", old.toString(), missing.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("NEW " + missing + ": no such file");

    r = run("compare", dir.toString(), old.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("OLD " + dir);

    // a regular file where a directory should be fails for every user, root included
    Path blocker = text("a-file", "not a directory");
    for (Path out : List.of(blocker.resolve("cmp.md"), blocker.resolve("sub").resolve("cmp.md"), dir)) {
      r = run("compare", old.toString(), old.toString(), "--out", out.toString());
      assertThat(r.code()).as(out.toString()).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).contains("--out " + out);
      assertThat(r.out()).as("nothing is compared before --out is known to be writable").isEmpty();
    }
  }

  @Test
  void helpDocumentsEveryExitStatus() {
    Run r = run("compare", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Exit status:").contains("0   no regression")
        .contains("1   at least one regression").contains("2   usage error").contains("3   incomparable")
        .contains("--allow-missing");
  }

  /** Guards the fixtures: the committed run must stay comparable with itself, or every case above is moot. */
  @Test
  void theRealRunParsesWithFiniteScoresInOneModeAndUnit() {
    assertThat(oldResults).allSatisfy(r -> {
      assertThat(r.mode()).isEqualTo("avgt");
      assertThat(r.primary().unit()).isEqualTo("ms/op");
      assertThat(r.primary().score()).isPositive().isFinite();
      assertThat(r.primary().error()).isFinite();
    });
  }
}
