package dev.prunebench.report.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine's two roofs, read from the same JMH run as the kernels they judge: the compute roof is
 * OpenBLAS's dgemm rate at the largest GEMM in the run (the best of its thread settings), the memory
 * roof a streaming copy's bandwidth at the largest {@code CopyBaselineBenchmark} size (the largest is
 * the one least helped by caches; the best of its two copies, normally {@code streamCopy}). A kernel
 * whose data fit in cache can exceed the memory roof, which is main memory's. Each kernel's attained fraction is its modelled work
 * ({@link KernelCost}) per second over the roof of its bound.
 *
 * @param compute flops per second of OpenBLAS dgemm, if the run has it
 * @param memory bytes per second of a streaming copy, if the run has it
 */
public record Roofs(Optional<Roof> compute, Optional<Roof> memory) {

  /**
   * One roof.
   *
   * @param perSecond flops/s or bytes/s
   * @param from the JMH result it came from, e.g. {@code openblas M2000_K2000_N2000 ALL_CORES}
   */
  public record Roof(double perSecond, String from) {}

  /** The roofs in {@code results}; a roof is empty when its benchmark was not run. */
  public static Roofs of(List<JmhResult> results) {
    Optional<Roof> compute = best(results, KernelCost.GEMM, true);
    Optional<Roof> memory = best(results, KernelCost.COPY, false);
    return new Roofs(compute, memory);
  }

  private static Optional<Roof> best(List<JmhResult> results, KernelCost kernel, boolean openblasOnly) {
    List<JmhResult> candidates = results.stream()
        .filter(r -> KernelCost.of(r).filter(k -> k == kernel).isPresent())
        .filter(r -> !openblasOnly || "OPENBLAS".equals(r.params().get("backend")))
        .filter(r -> attained(r).isPresent())
        .toList();
    double largest = candidates.stream().mapToDouble(r -> kernel.work(r.params())).max().orElse(Double.NaN);
    return candidates.stream()
        .filter(r -> kernel.work(r.params()) == largest)
        .max(java.util.Comparator.comparingDouble(r -> attained(r).orElseThrow()))
        .map(r -> new Roof(attained(r).orElseThrow(), (BenchReport.config(r) + " "
            + r.params().getOrDefault("backend", "").toLowerCase(Locale.ROOT)).trim()));
  }

  /** Modelled work per second of a result (flops/s or bytes/s by its bound), if modelled. */
  public static Optional<Double> attained(JmhResult r) {
    Optional<KernelCost> k = KernelCost.of(r);
    double seconds = r.primary().score() * BenchReport.secondsPer(r.primary().unit());
    if (k.isEmpty() || !(seconds > 0)) {
      return Optional.empty();
    }
    return Optional.of(k.get().work(r.params()) / seconds);
  }

  /** The result's attained fraction of the roof of its bound, if both are known. */
  public Optional<Double> fraction(JmhResult r) {
    Optional<KernelCost> k = KernelCost.of(r);
    if (k.isEmpty()) {
      return Optional.empty();
    }
    Optional<Roof> roof = k.get().bound() == KernelCost.Bound.COMPUTE ? compute : memory;
    return roof.flatMap(f -> attained(r).map(a -> a / f.perSecond()));
  }

  /** Markdown lines stating both roofs and what they are. */
  public String describe() {
    return "- **Compute roof**: " + compute.map(f -> String.format(Locale.ROOT, "%.1f GFLOP/s", f.perSecond() / 1e9)
        + " (OpenBLAS dgemm, `" + f.from() + "`)").orElse("not measured (no OpenBLAS GEMM in this run)") + "\n"
        + "- **Memory roof**: " + memory.map(f -> String.format(Locale.ROOT, "%.1f GB/s", f.perSecond() / 1e9)
        + " (streaming copy, read + write, `" + f.from() + "`)")
        .orElse("not measured (no CopyBaselineBenchmark in this run)") + "\n";
  }
}
