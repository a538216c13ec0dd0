package dev.prunebench.report.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.prunebench.report.AtomicFiles;
import dev.prunebench.util.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@code compare}'s power and false-alarm rate on this machine. Each of N trials runs the same
 * groups three times under the protocol: a baseline, a run with one benchmark slowed by a known fraction
 * (the test-only knob {@code dev.prunebench.bench.Slowdown}, through its system property in the forked
 * JVMs) and a second run of identical code; the order of the last two alternates between trials, so a
 * drift over the session favours neither. Then {@code compare(baseline, slowed)} must flag the slowed
 * benchmark (power) and {@code compare(baseline, identical)} must flag nothing (quiet). The target is
 * 9 of 10 each.
 */
public final class GateQuality {
  private GateQuality() {}

  /** The system property of the slow-down knob (read by {@code dev.prunebench.bench.Slowdown}). */
  public static final String PROPERTY = "prunebench.test.slowdown";

  /**
   * @param groups the groups every run measures
   * @param rounds forks per backend and group in each run
   * @param slowed the slowed benchmark as {@code Class.method}
   * @param fraction the slow-down, e.g. 0.15
   * @param threshold {@code compare}'s threshold
   */
  public record Config(List<BenchGroup> groups, int rounds, int trials, String slowed, double fraction,
      double threshold, ForkRunner.Settings settings, long seed) {}

  /** One trial: whether compare flagged the slowed benchmark, and whether it flagged anything in the identical pair. */
  public record Trial(int index, boolean flagged, long flaggedRows, long falseAlarmsInSlowedPair, long quietPairRegressions,
      double slowedRatio) {}

  /** All trials, the counts, and the Markdown report. */
  public record Outcome(List<Trial> trials, long flagged, long quiet) {
    /** Whether both counts reach 9 of 10 (90 % of the trials). */
    public boolean meetsTarget() {
      return flagged * 10 >= 9L * trials.size() && quiet * 10 >= 9L * trials.size();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Runs every trial, keeping each run's JSON in {@code dir} as {@code trial-<i>-<kind>.json}. */
  public static Outcome run(Config c, ForkRunner runner, Path dir, Progress progress) throws Exception {
    Files.createDirectories(dir);
    ForkRunner.Settings slowSettings = new ForkRunner.Settings(c.settings().warmupIterations(),
        c.settings().warmupMillis(), c.settings().measurementIterations(), c.settings().measurementMillis(),
        append(c.settings().jvmArgs(), "-D" + PROPERTY + "=" + c.slowed() + ":" + c.fraction()),
        c.settings().gcProfiler());
    JmhComparison comparison = new JmhComparison(c.threshold(), false);
    List<Trial> trials = new ArrayList<>();
    try (progress) {
      for (int i = 0; i < c.trials(); i++) {
        progress.stage("trial " + (i + 1) + " of " + c.trials(), 3L * c.rounds() * forksPerRound(c.groups()));
        Path base = once(c, runner, c.settings(), dir.resolve("trial-" + (i + 1) + "-baseline.json"), i, progress);
        Path slow;
        Path same;
        if (i % 2 == 0) {
          slow = once(c, runner, slowSettings, dir.resolve("trial-" + (i + 1) + "-slowed.json"), i, progress);
          same = once(c, runner, c.settings(), dir.resolve("trial-" + (i + 1) + "-identical.json"), i, progress);
        } else {
          same = once(c, runner, c.settings(), dir.resolve("trial-" + (i + 1) + "-identical.json"), i, progress);
          slow = once(c, runner, slowSettings, dir.resolve("trial-" + (i + 1) + "-slowed.json"), i, progress);
        }
        CompareOutcome.Judged a = judged(comparison.compare(JmhResults.read(base), JmhResults.read(slow)));
        CompareOutcome.Judged b = judged(comparison.compare(JmhResults.read(base), JmhResults.read(same)));
        List<JmhComparison.Row> target = a.rows().stream().filter(r -> r.benchmark().equals(c.slowed())).toList();
        long flaggedRows = target.stream().filter(r -> r.verdict() == JmhComparison.Verdict.REGRESSION).count();
        long elsewhere = a.count(JmhComparison.Verdict.REGRESSION) - flaggedRows;
        double ratio = ForkStatistics.median(target.stream().mapToDouble(JmhComparison.Row::ratio).toArray());
        trials.add(new Trial(i + 1, flaggedRows > 0, flaggedRows, elsewhere, b.count(JmhComparison.Verdict.REGRESSION),
            ratio));
      }
    }
    long flagged = trials.stream().filter(Trial::flagged).count();
    long quiet = trials.stream().filter(t -> t.quietPairRegressions() == 0).count();
    return new Outcome(trials, flagged, quiet);
  }

  /** The Markdown report: settings, the two counts against the 9-of-10 target, and every trial. */
  public static String markdown(Config c, Outcome o, String command, String commit, String date) {
    StringBuilder md = new StringBuilder("# compare: power and false alarms on this machine\n\n");
    md.append(String.format(Locale.ROOT, "`%s` — commit `%s`, %s.%n%n", command, commit, date));
    md.append(String.format(Locale.ROOT, "| measure | count | target |%n|---|---:|---|%n"
        + "| slowed `%s` by %.0f %% — flagged | **%d of %d** | ≥ 9 of 10 |%n"
        + "| identical code — quiet (no regression anywhere) | **%d of %d** | ≥ 9 of 10 |%n%n",
        c.slowed(), 100 * c.fraction(), o.flagged(), o.trials().size(), o.quiet(), o.trials().size()));
    md.append(o.meetsTarget() ? "Both targets met.\n\n" : "**Target not met.**\n\n");
    md.append(String.format(Locale.ROOT, "Each trial: three runs of %d group(s) × %d forks per backend (warm-up %d × %d ms, "
        + "measurement %d × %d ms per fork); `compare` threshold %.0f %%. The slow-down is a busy-wait of %.0f %% of "
        + "the kernel's own time in each call (`-D%s`), so the true ratio is ≈ %.2f.%n%n", c.groups().size(), c.rounds(),
        c.settings().warmupIterations(), c.settings().warmupMillis(), c.settings().measurementIterations(),
        c.settings().measurementMillis(), 100 * c.threshold(), 100 * c.fraction(), PROPERTY, 1 + c.fraction()));
    md.append("| trial | slowed rows flagged | median new/old of slowed rows | other rows flagged (slowed pair) "
        + "| rows flagged (identical pair) |\n|---:|---:|---:|---:|---:|\n");
    for (Trial t : o.trials()) {
      md.append(String.format(Locale.ROOT, "| %d | %d | %.3f | %d | %d |%n", t.index(), t.flaggedRows(), t.slowedRatio(),
          t.falseAlarmsInSlowedPair(), t.quietPairRegressions()));
    }
    return md.toString();
  }

  private static Path once(Config c, ForkRunner runner, ForkRunner.Settings s, Path file, int trial, Progress progress)
      throws Exception {
    ForkSchedule<BenchGroup, String> schedule = new ForkSchedule<>(c.rounds(), c.groups(), BenchGroup::backends,
        c.seed() + trial);
    List<ProtocolRun.Measured> m = ProtocolRun.run(schedule, runner, s, slot -> progress.step(file.getFileName()
        + " " + slot.group()));
    AtomicFiles.writeBytes(file, JSON.writeValueAsBytes(ProtocolJson.write(m, s)));
    return file;
  }

  private static CompareOutcome.Judged judged(CompareOutcome o) throws IOException {
    if (o instanceof CompareOutcome.Judged j) {
      return j;
    }
    throw new IOException("runs of the same groups could not be compared: " + ((CompareOutcome.Incomparable) o).message());
  }

  private static long forksPerRound(List<BenchGroup> groups) {
    return groups.stream().mapToLong(g -> g.backends().size()).sum();
  }

  private static List<String> append(List<String> list, String x) {
    List<String> out = new ArrayList<>(list);
    out.add(x);
    return out;
  }
}
