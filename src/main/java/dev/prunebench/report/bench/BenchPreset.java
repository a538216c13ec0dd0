package dev.prunebench.report.bench;

import java.util.List;
import java.util.Map;

/**
 * What a {@code bench} run measures and for how long, under the noisy-machine protocol: every kernel
 * and parameter set ({@link BenchGroup}) is run as {@link #rounds} short JMH forks per backend, the
 * backends of a group interleaved round by round ({@link ForkSchedule}); a fork warms up for
 * {@code warmupIterations × warmupMillis} and measures {@code measurementIterations × measurementMillis}.
 *
 * <ul>
 *   <li>{@code QUICK} (≤ 15 min on 2 cores): every kernel at one size (the paper's Figure 1 size for
 *       least squares, the network's batch shape for GEMM), 5 rounds.</li>
 *   <li>{@code FULL}: every declared parameter, 10 rounds of longer forks.</li>
 *   <li>{@code CI} (≤ 5 min): the kernels a change most likely slows (GEMM, the Cholesky min-norm solve,
 *       the Hessian diagonal, global hard thresholding, the network gradient, conversion to the library
 *       type), for {@code compare} in a pipeline; 5 rounds of shorter forks (1 × 0.3 s warm-up, 2 × 0.3 s
 *       measurement) and no separate roof runs (its report has no roof columns): ≈ 6 groups × 5
 *       backends × 5 rounds = 150 forks of ≈ 1.5 s plus 12 calibration forks.</li>
 * </ul>
 * JMH runs once per fork, so each class gets its own parameter overrides ({@code shape} means
 * different things to the GEMM and the least-squares benchmarks) and its own kept methods.
 */
public enum BenchPreset {
  QUICK(5, 1, 400, 2, 400, List.of(), Map.of(
      "MinNormBenchmark", Map.of("shape", new String[] {"N600_P1000"}),
      "GemmBenchmark", Map.of("shape", new String[] {"M128_K784_N1024"}, "parallelism", new String[] {"ALL_CORES"}),
      "HardThresholdBenchmark", Map.of("size", new String[] {"P1E6"}, "keep", new String[] {"0.1"}),
      "ConversionBenchmark", Map.of("shape", new String[] {"N600_P1000"}),
      "CopyBaselineBenchmark", Map.of("shape", new String[] {"N2400_P4000"})),
      Map.of("NetworkBenchmark", List.of("gradientBatch128", "gradientBatch128Native", "trainingStep",
          "exactHessianDiagonal"))),
  FULL(10, 2, 1000, 3, 1000, List.of(), Map.of(), Map.of()),
  CI(5, 1, 300, 2, 300, List.of("MinNormBenchmark", "GemmBenchmark", "HessianDiagonalBenchmark",
      "HardThresholdBenchmark", "NetworkBenchmark", "ConversionBenchmark"), Map.of(
      "MinNormBenchmark", Map.of("shape", new String[] {"N600_P1000"}, "algorithm", new String[] {"CHOLESKY"}),
      "GemmBenchmark", Map.of("shape", new String[] {"M128_K784_N1024"}, "parallelism", new String[] {"ALL_CORES"},
          "op", new String[] {"AB"}),
      "HardThresholdBenchmark", Map.of("size", new String[] {"P1E6"}, "keep", new String[] {"0.1"},
          "variant", new String[] {"GLOBAL"}),
      "ConversionBenchmark", Map.of("shape", new String[] {"N600_P1000"})),
      Map.of("NetworkBenchmark", List.of("gradientBatch128"), "ConversionBenchmark", List.of("toLibrary")));

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

  /** Forks per backend and group (rounds of the interleaved schedule). */
  public final int rounds;
  public final int warmupIterations;
  public final int warmupMillis;
  public final int measurementIterations;
  public final int measurementMillis;
  private final List<String> classes;
  private final Map<String, Map<String, String[]>> overrides;
  private final Map<String, List<String>> methods;

  BenchPreset(int rounds, int wi, int wms, int mi, int mms, List<String> classes,
      Map<String, Map<String, String[]>> overrides, Map<String, List<String>> methods) {
    this.rounds = rounds;
    this.warmupIterations = wi;
    this.warmupMillis = wms;
    this.measurementIterations = mi;
    this.measurementMillis = mms;
    this.classes = classes;
    this.overrides = overrides;
    this.methods = methods;
  }

  /** Whether a run of this preset also measures the roofs ({@link #ROOF_RUNS}) when its kernels do not. */
  public boolean measuresRoofs() {
    return this != CI;
  }

  /** The benchmark classes this preset runs, in report order. */
  public List<String> classes() {
    return classes.isEmpty() ? BENCHMARK_CLASSES
        : BENCHMARK_CLASSES.stream().filter(classes::contains).toList();
  }

  /** JMH {@code -p} overrides for one benchmark class; empty means the class's own {@code @Param} lists. */
  public Map<String, String[]> paramsFor(String benchmarkClass) {
    return overrides.getOrDefault(benchmarkClass, Map.of());
  }

  /** The {@code @Benchmark} methods of a class this preset runs; empty means all of them. */
  public List<String> methodsFor(String benchmarkClass) {
    return methods.getOrDefault(benchmarkClass, List.of());
  }
}
