package dev.prunebench.report.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine's state before and after a run: a few forks of a dgemm (compute) and of a streaming copy
 * (memory), run before the first and after the last benchmark fork. If either calibration kernel's median
 * moved by more than {@link #NOISY_THRESHOLD} the run is marked noisy in the report: a neighbour's load
 * or a frequency change reached the measurements. Two runs on different machines are compared on
 * ratios divided by the calibration ratio of the kernel's bound ({@link #speedOf}).
 *
 * @param threshold the relative move that marks the run noisy
 * @param kernels the calibration kernels
 */
public record Calibration(double threshold, List<Kernel> kernels) {

  /** A run is noisy when a calibration median moved by more than 10 % between before and after. */
  public static final double NOISY_THRESHOLD = 0.10;

  /** Forks per calibration kernel, before and after. */
  public static final int FORKS = 3;

  public Calibration {
    kernels = List.copyOf(kernels);
  }

  /**
   * One calibration kernel.
   *
   * @param name e.g. {@code GemmBenchmark.gemm backend=OPENBLAS op=AB ...}
   * @param bound which bound it measures
   * @param unit the score unit (time per operation)
   * @param before fork scores before the run
   * @param after fork scores after the run
   */
  public record Kernel(String name, KernelCost.Bound bound, String unit, double[] before, double[] after) {
    /** {@code med(after) / med(before) − 1}. */
    public double moved() {
      return ForkStatistics.median(after) / ForkStatistics.median(before) - 1;
    }

    /** The median over before and after forks together: the machine's time for this kernel. */
    public double time() {
      double[] all = new double[before.length + after.length];
      System.arraycopy(before, 0, all, 0, before.length);
      System.arraycopy(after, 0, all, before.length, after.length);
      return ForkStatistics.median(all);
    }
  }

  /** Whether any calibration kernel moved by more than the threshold. */
  public boolean noisy() {
    return kernels.stream().anyMatch(k -> Math.abs(k.moved()) > threshold);
  }

  /**
   * The calibration time of the kernel of {@code bound} (a compute-bound kernel is normalised by the
   * dgemm, a memory-bound one by the copy), or NaN if this run has no such kernel.
   */
  public double speedOf(KernelCost.Bound bound) {
    return kernels.stream().filter(k -> k.bound() == bound).mapToDouble(Kernel::time).findFirst()
        .orElse(Double.NaN);
  }

  /** Markdown lines: each kernel's before and after medians and how far it moved. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Kernel k : kernels) {
      sb.append(String.format(Locale.ROOT, "- `%s`: %.4g → %.4g %s (%+.1f %%)%n", k.name(),
          ForkStatistics.median(k.before()), ForkStatistics.median(k.after()), k.unit(), 100 * k.moved()));
    }
    sb.append(noisy()
        ? String.format(Locale.ROOT, "%n**This run is noisy**: a calibration kernel moved by more than %.0f %% "
            + "between the start and the end of the run; its ratios are less certain than their intervals say.%n",
            100 * threshold)
        : String.format(Locale.ROOT, "%nBoth calibration kernels stayed within ±%.0f %%: the machine was steady.%n",
            100 * threshold));
    return sb.toString();
  }

  /** Builds the calibration from the protocol's measurements of the calibration groups. */
  public static Calibration of(List<ProtocolRun.Measured> before, List<ProtocolRun.Measured> after) {
    Map<String, ProtocolRun.Measured> afterByName = new java.util.HashMap<>();
    after.forEach(m -> afterByName.put(name(m), m));
    List<Kernel> kernels = before.stream().map(b -> new Kernel(name(b),
        b.group().benchmarkClass().equals("GemmBenchmark") ? KernelCost.Bound.COMPUTE : KernelCost.Bound.MEMORY,
        b.unit(), scores(b), scores(afterByName.get(name(b))))).toList();
    return new Calibration(NOISY_THRESHOLD, kernels);
  }

  private static String name(ProtocolRun.Measured m) {
    return (m.group().benchmarkClass() + "." + m.group().method() + " "
        + m.group().paramsWith(m.backend())).trim();
  }

  private static double[] scores(ProtocolRun.Measured m) {
    return m.forks().stream().mapToDouble(JmhResult.Fork::score).toArray();
  }

  /** The calibration groups: OpenBLAS dgemm at 2000³ (else the reference backend's at 1024³) and the large copy. */
  public static List<BenchGroup> groups(boolean openblas) {
    List<BenchGroup> gemm = BenchPlan.groups("GemmBenchmark", Map.of(
        "backend", new String[] {openblas ? "OPENBLAS" : "REFERENCE"}, "op", new String[] {"AB"},
        "shape", new String[] {openblas ? "M2000_K2000_N2000" : "M1024_K1024_N1024"},
        "parallelism", new String[] {"ALL_CORES"}), List.of(), List.of());
    List<BenchGroup> copy = BenchPlan.groups("CopyBaselineBenchmark", Map.of("shape", new String[] {"N2400_P4000"}),
        List.of("streamCopy"), List.of());
    return java.util.stream.Stream.concat(gemm.stream(), copy.stream()).toList();
  }
}
