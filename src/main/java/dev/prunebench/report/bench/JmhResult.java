package dev.prunebench.report.bench;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row of a JMH JSON result file ({@code -rf json}): a benchmark method with one parameter set.
 *
 * @param benchmark fully qualified method name, e.g. {@code dev.prunebench.bench.GemmBenchmark.gemm}
 * @param mode JMH mode ({@code avgt}, {@code thrpt}, ...)
 * @param params benchmark parameters, sorted by name
 * @param primary the primary metric (score, error, confidence interval, unit)
 * @param secondary secondary metrics by name, e.g. {@code gc.alloc.rate.norm} (bytes/op)
 * @param forks the per-fork scores of the noisy-machine protocol ({@link ForkStatistics}), in run order;
 *     empty for a plain JMH file, where only JMH's own score and interval are known
 */
public record JmhResult(String benchmark, String mode, SortedMap<String, String> params, Metric primary,
    Map<String, Metric> secondary, java.util.List<Fork> forks) {

  public JmhResult {
    params = new TreeMap<>(params);
    secondary = Map.copyOf(secondary);
    forks = java.util.List.copyOf(forks);
  }

  /** A result of plain JMH, without per-fork scores. */
  public JmhResult(String benchmark, String mode, SortedMap<String, String> params, Metric primary,
      Map<String, Metric> secondary) {
    this(benchmark, mode, params, primary, secondary, java.util.List.of());
  }

  /**
   * One fork of the protocol.
   *
   * @param round the round it ran in (forks of one round of one group ran back to back: pairable)
   * @param score the fork's score: the mean of its measurement iterations, in the metric's unit
   */
  public record Fork(int round, double score) {}

  /** The fork scores as an array, in run order. */
  public double[] forkScores() {
    return forks.stream().mapToDouble(Fork::score).toArray();
  }

  /**
   * A JMH metric: the score, its half-width error and its 99.9 % confidence interval as JMH reports
   * them (NaN where JMH had too few samples to compute one).
   */
  public record Metric(double score, double error, double ciLow, double ciHigh, String unit) {}

  /** The short benchmark name: {@code GemmBenchmark.gemm}. */
  public String shortName() {
    String[] parts = benchmark.split("\\.");
    return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
  }

  /** Benchmark class simple name: {@code GemmBenchmark}. */
  public String benchmarkClass() {
    String[] parts = benchmark.split("\\.");
    return parts.length >= 2 ? parts[parts.length - 2] : benchmark;
  }

  /** Identity of a measurement across runs: benchmark, mode and parameters. */
  public String key() {
    return benchmark + " " + mode + " " + params;
  }

  /** Benchmark and parameters without the mode: what two runs must share to be compared at all. */
  public String identity() {
    return benchmark + " " + params;
  }

  /** For messages: {@code GemmBenchmark.gemm [backend=ejml, shape=N600_P1000]}. */
  public String label() {
    return params.isEmpty() ? shortName() : shortName() + " [" + paramsLabel() + "]";
  }

  /** Whether a larger score is better (throughput modes) or worse (time modes). */
  public boolean higherIsBetter() {
    return mode.equals("thrpt");
  }

  /** {@code params} formatted as {@code a=1, b=2}, or {@code -} when there are none. */
  public String paramsLabel() {
    if (params.isEmpty()) {
      return "-";
    }
    StringBuilder sb = new StringBuilder();
    params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }

  /** The {@code gc.alloc.rate.norm} secondary metric (bytes per operation), if JMH recorded it. */
  public java.util.Optional<Metric> allocationPerOp() {
    return java.util.Optional.ofNullable(secondary.get("gc.alloc.rate.norm"));
  }
}
