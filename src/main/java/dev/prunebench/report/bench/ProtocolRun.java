package dev.prunebench.report.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a {@link ForkSchedule} fork by fork and gathers, per group and backend, every fork's score with
 * its round: the raw material of the medians and paired ratios ({@link ForkStatistics}).
 */
public final class ProtocolRun {
  private ProtocolRun() {}

  /**
   * Everything measured for one group on one backend.
   *
   * @param forks per-fork scores with their rounds, in run order
   * @param iterations each fork's measurement iterations (JMH's {@code rawData} layout)
   * @param allocPerOp each fork's {@code gc.alloc.rate.norm} (NaN without the GC profiler)
   */
  public record Measured(BenchGroup group, String backend, String mode, String unit, List<JmhResult.Fork> forks,
      List<double[]> iterations, double[] allocPerOp) {}

  /**
   * @param onFork called after each fork with its slot (progress and log lines)
   * @throws Exception the first fork that failed (JMH's error; the run is not worth finishing)
   */
  public static List<Measured> run(ForkSchedule<BenchGroup, String> schedule, ForkRunner runner,
      ForkRunner.Settings settings, Consumer<ForkSchedule.Slot<BenchGroup, String>> onFork) throws Exception {
    Map<String, List<ForkSchedule.Slot<BenchGroup, String>>> slotsByKey = new LinkedHashMap<>();
    Map<String, List<ForkRunner.Result>> resultsByKey = new LinkedHashMap<>();
    for (ForkSchedule.Slot<BenchGroup, String> slot : schedule.slots()) {
      ForkRunner.Result r = runner.run(slot.group(), slot.backend(), settings);
      String key = slot.group() + " " + slot.backend();
      slotsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(slot);
      resultsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      onFork.accept(slot);
    }
    List<Measured> out = new ArrayList<>();
    for (Map.Entry<String, List<ForkSchedule.Slot<BenchGroup, String>>> e : slotsByKey.entrySet()) {
      List<ForkSchedule.Slot<BenchGroup, String>> slots = e.getValue();
      List<ForkRunner.Result> rs = resultsByKey.get(e.getKey());
      List<JmhResult.Fork> forks = new ArrayList<>();
      List<double[]> iterations = new ArrayList<>();
      double[] alloc = new double[rs.size()];
      for (int i = 0; i < rs.size(); i++) {
        forks.add(new JmhResult.Fork(slots.get(i).round(), rs.get(i).score()));
        iterations.add(rs.get(i).iterations());
        alloc[i] = rs.get(i).allocPerOp();
      }
      ForkSchedule.Slot<BenchGroup, String> first = slots.get(0);
      out.add(new Measured(first.group(), first.backend(), rs.get(0).mode(), rs.get(0).unit(), forks, iterations,
          alloc));
    }
    return out;
  }
}
