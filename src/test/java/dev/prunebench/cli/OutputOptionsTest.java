package dev.prunebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.report.ReportTrees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --out} is never ambiguous: blank is a usage error, and a directory that is not this report is refused. */
class OutputOptionsTest {
  @TempDir Path dir;

  /** Every command that writes a report directory. */
  private static final List<String> REPORT_COMMANDS = List.of("linear", "nn", "theorem43", "accuracy", "bench",
      "reproduce");

  private record Run(int code, String out, String err) {}

  private static Run run(List<String> args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everyReportCommandHasOutAndForce() {
    for (String cmd : REPORT_COMMANDS) {
      CommandLine.Model.CommandSpec spec = Main.commandLine().getSubcommands().get(cmd).getCommandSpec();
      assertThat(spec.findOption("--out")).as(cmd).isNotNull();
      assertThat(spec.findOption("--force")).as(cmd).isNotNull();
    }
  }

  @Test
  void anEmptyOrBlankOutIsAUsageErrorOnOneLine() {
    List<List<String>> cases = new ArrayList<>();
    for (String cmd : REPORT_COMMANDS) {
      cases.add(List.of(cmd, "--out", ""));
      cases.add(List.of(cmd, "--out", "  "));
    }
    cases.add(List.of("compare", "--out", "", "a.json", "b.json"));
    for (List<String> args : cases) {
      Run r = run(args);
      assertThat(r.code()).as(args.toString()).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).as(args.toString()).contains("'--out'").contains("empty path");
    }
  }

  @Test
  void aDirectoryHoldingSomethingElseIsRefusedNamingOneFileAndLeftAlone() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    Files.writeString(home.resolve("README.md"), "the user's own notes");
    Map<String, String> before = ReportTrees.snapshot(dir);
    for (String cmd : REPORT_COMMANDS) {
      Run r = run(List.of(cmd, "--out", home.toString()));
      assertThat(r.code()).as(cmd + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).as(cmd).contains(home.resolve("README.md").toString()).contains("--force");
      assertThat(ReportTrees.snapshot(dir)).as(cmd + " wrote nothing").isEqualTo(before);
      assertThat(ReportTrees.leftovers(home)).isEmpty();
    }
  }

  @Test
  void reproduceChecksEveryExperimentDirectoryBeforeRunningAny() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("theorem43"));
    Files.writeString(out.resolve("theorem43").resolve("notes.txt"), "not a report");
    Run r = run(List.of("reproduce", "--out", out.toString()));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(out.resolve("theorem43").resolve("notes.txt").toString());
    try (var s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).as("linear did not run").containsExactly(
          "theorem43");
    }
  }
}
