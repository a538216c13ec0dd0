package dev.prunebench.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.cli.Main;
import dev.prunebench.linalg.Backend;
import dev.prunebench.report.Claim;
import dev.prunebench.report.Claims;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproductionTest {
  @TempDir Path dir;

  /** Records the subcommands it is asked to run and writes a tiny report for each. */
  private static final class FakeRunner implements Reproduction.CommandRunner {
    final List<List<String>> calls = new ArrayList<>();
    final Set<String> available;

    FakeRunner(Set<String> available) {
      this.available = available;
    }

    @Override
    public boolean has(String name) {
      return available.contains(name);
    }

    @Override
    public int run(List<String> arguments) {
      calls.add(arguments);
      Path out = Path.of(arguments.get(arguments.indexOf("--out") + 1));
      try {
        Files.createDirectories(out); // as every real subcommand does (its ReportDirectory)
        Files.writeString(out.resolve("README.md"), "# " + arguments.get(0));
        Files.write(out.resolve("fig1a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Claims.write(out, List.of(new Claim(arguments.get(0) + " claim | with a pipe", "Fig. 1a", "0.41 vs 0.89",
            Claim.Verdict.HOLDS)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return arguments.get(0).equals("accuracy") ? 1 : 0;
    }
  }

  @Test
  void experimentsRunInThePaperOrderWithTheSharedOptionsAndEveryOutputUnderOut() throws IOException {
    Path out = dir.resolve("out");
    ReproduceConfig c = new ReproduceConfig(ReproducePreset.QUICK, Backend.REFERENCE, 7L, out, false);
    FakeRunner runner = new FakeRunner(Set.of("linear", "nn", "accuracy", "bench"));
    Path baseline = dir.resolve("baseline.csv");
    Files.writeString(baseline, "x");
    List<ExperimentRun> runs = Reproduction.run(c, runner, baseline, new PrintWriter(new StringWriter()));

    assertThat(runs).extracting(ExperimentRun::experiment).containsExactly(Experiment.LINEAR, Experiment.NN,
        Experiment.THEOREM43, Experiment.ACCURACY);
    assertThat(runs).extracting(ExperimentRun::status).containsExactly(ExperimentRun.Status.OK,
        ExperimentRun.Status.OK, ExperimentRun.Status.NOT_IN_THIS_BUILD, ExperimentRun.Status.FAILED);
    assertThat(runner.calls).extracting(a -> a.get(0)).containsExactly("linear", "nn", "accuracy");
    for (List<String> a : runner.calls) {
      assertThat(a).containsSubsequence("--backend", "reference").containsSubsequence("--seed", "7")
          .containsSubsequence("--out", out.resolve(a.get(0)).toString());
    }
    assertThat(runner.calls.get(1)).containsSubsequence("--preset", "quick");
    // the accuracy check reads the committed baseline and never updates it
    assertThat(runner.calls.get(2)).containsSubsequence("--baseline", baseline.toString())
        .doesNotContain("--update-baseline");

    Files.createDirectories(out.resolve("nn").resolve("paper-run"));
    Files.writeString(out.resolve("nn").resolve("paper-run").resolve("README.md"), "# paper");
    Path index = ReportsIndex.write(c, runs, new RunMetadata("abc1234", "TestVM 17", 2, "2026-01-01T00:00:00Z", 1.5));
    String md = Files.readString(index);
    assertThat(md).contains("| preset | quick |").contains("| seed | 7 |").contains("| backend | reference |")
        .contains("`abc1234`").contains("| cores | 2 |").contains("TestVM 17")
        .contains("![Figure 1a: test loss").contains("](linear/fig1a.png)").contains("](nn/fig1a.png)")
        .contains("| linear claim \\| with a pipe | Fig. 1a | 0.41 vs 0.89 | **holds** |")
        .contains("Summary: 3 hold, 0 partly hold, 0 do not hold.")
        .contains("not in this build").contains("failed (exit 1)")
        .contains("- [`nn/paper-run/`](nn/paper-run/README.md)")
        .contains("./prunebench reproduce --preset quick --backend reference --seed 7 --out " + out);
  }

  @Test
  void withBenchAddsTheQuickBenchmarkPresetLastWithoutASeed() {
    ReproduceConfig c = new ReproduceConfig(ReproducePreset.PAPER, null, 3L, dir, true);
    assertThat(Experiment.selected(c)).last().isEqualTo(Experiment.BENCH);
    assertThat(Experiment.BENCH.arguments(c, null)).containsSubsequence("--preset", "quick")
        .doesNotContain("--seed").containsSubsequence("--out", dir.resolve("bench").toString());
    assertThat(Experiment.NN.arguments(c, null)).containsSubsequence("--preset", "paper")
        .doesNotContain("--backend");
  }

  @Test
  void anUnwritableOutputDirectoryFailsBeforeAnyExperimentRuns() throws IOException {
    Path locked = dir.resolve("locked");
    Files.createDirectories(locked);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    // root ignores permission bits; a regular file in the way fails for every user
    Path blocked = dir.resolve("file");
    Files.writeString(blocked, "not a directory");
    FakeRunner runner = new FakeRunner(Set.of("linear", "nn", "theorem43", "accuracy"));
    for (Path out : List.of(blocked, blocked.resolve("sub"), locked.resolve("sub"))) {
      if (out.startsWith(locked) && Files.isWritable(locked)) {
        continue; // running as root
      }
      ReproduceConfig c = new ReproduceConfig(ReproducePreset.QUICK, null, null, out, false);
      assertThatThrownBy(() -> Reproduction.run(c, runner, null, new PrintWriter(new StringWriter())))
          .isInstanceOf(IOException.class).hasMessageContaining("output directory");
    }
    assertThat(runner.calls).isEmpty();
  }

  @Test
  void theCommandReportsAnUnwritableOutOnOneLineWithExitTwo() throws IOException {
    Path blocked = dir.resolve("file");
    Files.writeString(blocked, "not a directory");
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    int code = cl.execute("reproduce", "--out", blocked.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("output directory").contains(blocked.toString());
  }
}
