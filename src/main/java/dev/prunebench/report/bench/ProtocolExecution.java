package dev.prunebench.report.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.prunebench.util.Progress;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole noisy-machine protocol of one {@code bench} run: calibration forks, then every group's
 * forks interleaved round by round ({@link ForkSchedule}), then the calibration again; the results in
 * JMH's JSON shape with per-fork scores ({@link ProtocolJson}) and the calibration ({@link Calibration}).
 */
public final class ProtocolExecution {
  private ProtocolExecution() {}

  /**
   * @param classes benchmark classes to run
   * @param backends backends' JMH names
   * @param rounds forks per backend and group
   * @param seed seeds the schedule's rotation
   * @param openblas whether OpenBLAS can run here (the compute roof and calibration dgemm)
   */
  public record Config(BenchPreset preset, List<String> classes, List<String> backends, int rounds, long seed,
      ForkRunner.Settings settings, boolean openblas) {}

  /** The run's results (a JSON array in JMH's shape) and its calibration. */
  public record Outcome(ArrayNode results, Calibration calibration) {}

  /** The groups a run measures: the preset's, plus each roof the preset does not already measure. */
  public static List<BenchGroup> groups(Config c) {
    List<BenchGroup> groups = new ArrayList<>(BenchPlan.groups(c.preset(), c.classes(), c.backends()));
    for (BenchPreset.RoofRun roof : c.preset().measuresRoofs() ? BenchPreset.ROOF_RUNS : List.<BenchPreset.RoofRun>of()) {
      if ((!roof.needsOpenBlas() || c.openblas()) && !c.preset().covers(roof, c.classes(), c.backends())) {
        for (BenchGroup g : BenchPlan.groups(roof.benchmarkClass(), roof.params(), List.of(), c.backends())) {
          if (!groups.contains(g)) {
            groups.add(g);
          }
        }
      }
    }
    return groups;
  }

  public static Outcome run(Config c, ForkRunner runner, Progress progress) throws Exception {
    try (progress) {
      List<BenchGroup> calibrationGroups = Calibration.groups(c.openblas());
      ForkSchedule<BenchGroup, String> calibration =
          new ForkSchedule<>(Calibration.FORKS, calibrationGroups, BenchGroup::backends, c.seed());
      ForkSchedule<BenchGroup, String> main = new ForkSchedule<>(c.rounds(), groups(c), BenchGroup::backends, c.seed());
      progress.stage("calibration before the run", calibration.slots().size());
      List<ProtocolRun.Measured> before = ProtocolRun.run(calibration, runner, c.settings(),
          s -> progress.step(label(s)));
      progress.stage("benchmark forks, interleaved", main.slots().size());
      List<ProtocolRun.Measured> measured = ProtocolRun.run(main, runner, c.settings(), s -> progress.step(label(s)));
      progress.stage("calibration after the run", calibration.slots().size());
      List<ProtocolRun.Measured> after = ProtocolRun.run(calibration, runner, c.settings(),
          s -> progress.step(label(s)));
      return new Outcome(ProtocolJson.write(measured, c.settings()), Calibration.of(before, after));
    }
  }

  private static String label(ForkSchedule.Slot<BenchGroup, String> s) {
    return "round " + (s.round() + 1) + " " + s.group() + (s.group().hasBackend() ? " " + s.backend() : "");
  }
}
