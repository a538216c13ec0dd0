package dev.prunebench.report.bench;

import java.util.List;
import java.util.Map;

/**
 * What a {@code bench} run measures and for how long. {@code QUICK} takes minutes: the paper's main
 * sizes, all-cores only, few iterations. {@code FULL} runs every parameter each benchmark class
 * declares. JMH runs once per benchmark class, so each class gets its own parameter overrides
 * ({@code shape} means different things to the GEMM and the least-squares benchmarks).
 */
public enum BenchPreset {
  QUICK(2, 1, 3, 1, Map.of(
      "MinNormBenchmark", Map.of("shape", new String[] {"N600_P1000"}),
      "GemmBenchmark", Map.of("shape", new String[] {"M128_K784_N1024", "M1024_K1024_N1024"},
          "parallelism", new String[] {"ALL_CORES"}),
      "HardThresholdBenchmark", Map.of("size", new String[] {"P1E6", "NETWORK"}),
      "ConversionBenchmark", Map.of("shape", new String[] {"N600_P1000"}),
      "CopyBaselineBenchmark", Map.of("shape", new String[] {"N600_P1000", "N2400_P4000"}))),
  FULL(3, 2, 5, 2, Map.of());

  /** Benchmark classes (simple names, in {@code dev.prunebench.bench}) in report order. */
  public static final List<String> BENCHMARK_CLASSES = List.of("MinNormBenchmark", "PseudoInverseBenchmark",
      "GemmBenchmark", "HessianDiagonalBenchmark", "HardThresholdBenchmark", "NetworkBenchmark",
      "ConversionBenchmark", "CopyBaselineBenchmark");

  /**
   * The two roofs every run measures besides the chosen benchmarks ({@link Roofs}): OpenBLAS dgemm at
   * 2000³ on all cores (the compute roof, whatever backends were chosen) and a copy of 2400 x 4000
   * doubles, 77 MB, far beyond the caches (the memory roof).
   */
  public static final List<RoofRun> ROOF_RUNS = List.of(
      new RoofRun("GemmBenchmark", Map.of("backend", new String[] {"OPENBLAS"}, "op", new String[] {"AB"},
          "shape", new String[] {"M2000_K2000_N2000"}, "parallelism", new String[] {"ALL_CORES"})),
      new RoofRun("CopyBaselineBenchmark", Map.of("shape", new String[] {"N2400_P4000"})));

  /** One roof measurement: a benchmark class and its complete JMH parameter overrides. */
  public record RoofRun(String benchmarkClass, Map<String, String[]> params) {
    /** Whether it needs the OpenBLAS backend. */
    public boolean needsOpenBlas() {
      return params.containsKey("backend");
    }
  }

  /**
   * Whether running {@code classes} on {@code backends} with this preset already measures {@code roof}
   * (then running it again would only add a duplicate row). A parameter the preset does not override
   * takes the benchmark's declared {@code @Param} values (an empty list on an enum: every constant).
   */
  public boolean covers(RoofRun roof, List<String> classes, List<String> backends) {
    if (!classes.contains(roof.benchmarkClass())) {
      return false;
    }
    for (Map.Entry<String, String[]> p : roof.params().entrySet()) {
      List<String> run = p.getKey().equals("backend") ? backends : declaredOrOverridden(roof.benchmarkClass(), p.getKey());
      if (run != null && !run.containsAll(List.of(p.getValue()))) {
        return false;
      }
    }
    return true;
  }

  /** The values a run uses for one parameter; null means every constant of an enum parameter. */
  private List<String> declaredOrOverridden(String benchmarkClass, String param) {
    String[] override = paramsFor(benchmarkClass).get(param);
    if (override != null) {
      return List.of(override);
    }
    try {
      String[] declared = Class.forName("dev.prunebench.bench." + benchmarkClass).getField(param)
          .getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
      // an empty @Param is stored as JMH's placeholder value: every enum constant
      boolean all = declared.length == 0
          || declared.length == 1 && declared[0].equals(org.openjdk.jmh.annotations.Param.BLANK_ARGS);
      return all ? null : List.of(declared);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("benchmark " + benchmarkClass + " has no @Param field " + param, e);
    }
  }

  public final int warmupIterations;
  public final int warmupSeconds;
  public final int measurementIterations;
  public final int measurementSeconds;
  private final Map<String, Map<String, String[]>> overrides;

  BenchPreset(int wi, int ws, int mi, int ms, Map<String, Map<String, String[]>> overrides) {
    this.warmupIterations = wi;
    this.warmupSeconds = ws;
    this.measurementIterations = mi;
    this.measurementSeconds = ms;
    this.overrides = overrides;
  }

  /** JMH {@code -p} overrides for one benchmark class; empty means the class's own {@code @Param} lists. */
  public Map<String, String[]> paramsFor(String benchmarkClass) {
    return overrides.getOrDefault(benchmarkClass, Map.of());
  }
}
