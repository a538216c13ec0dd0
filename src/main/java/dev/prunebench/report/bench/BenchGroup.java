package dev.prunebench.report.bench;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One kernel at one parameter set, run on several backends: the unit the protocol interleaves
 * ({@link ForkSchedule}) and the unit inside which ratios are paired.
 *
 * @param benchmarkClass simple name in {@code dev.prunebench.bench}, e.g. {@code GemmBenchmark}
 * @param method the {@code @Benchmark} method, e.g. {@code gemm}
 * @param params every JMH parameter except {@code backend}
 * @param backends the {@code backend} parameter values to run (the names users type, upper case as JMH
 *     prints them); {@link #NO_BACKEND} alone for a kernel without a backend parameter
 */
public record BenchGroup(String benchmarkClass, String method, SortedMap<String, String> params,
    List<String> backends) {

  /** The single "backend" of a kernel that has no {@code backend} parameter (the copy baseline). */
  public static final String NO_BACKEND = "-";

  public BenchGroup {
    params = new TreeMap<>(params);
    backends = List.copyOf(backends);
    if (backends.isEmpty()) {
      throw new IllegalArgumentException(benchmarkClass + "." + method + " " + params + ": no backend to run");
    }
  }

  /** Whether the kernel has a {@code backend} JMH parameter. */
  public boolean hasBackend() {
    return !backends.equals(List.of(NO_BACKEND));
  }

  /** The fully qualified benchmark name JMH reports, e.g. {@code dev.prunebench.bench.GemmBenchmark.gemm}. */
  public String benchmark() {
    return "dev.prunebench.bench." + benchmarkClass + "." + method;
  }

  /** JMH's parameters for one fork of this group on {@code backend}. */
  public SortedMap<String, String> paramsWith(String backend) {
    SortedMap<String, String> all = new TreeMap<>(params);
    if (hasBackend()) {
      all.put("backend", backend);
    }
    return all;
  }

  @Override
  public String toString() {
    return benchmarkClass + "." + method + " " + params;
  }
}
