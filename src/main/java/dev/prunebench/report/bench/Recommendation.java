package dev.prunebench.report.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * "For this kernel at this size, use …": per benchmark and parameter set (every parameter but the
 * backend), the fastest backend whose accuracy passes, the runner-up and how much slower it is. Speed and
 * accuracy together: a backend with any accuracy ratio above its threshold (or NaN) for the kernel a
 * benchmark measures is never recommended for it, however fast (listed as excluded instead). Kernels the
 * accuracy table does not cover (conversion, thresholding, the network) are exact by contract, so speed
 * alone decides there.
 */
public final class Recommendation {
  private Recommendation() {}

  /**
   * One recommendation.
   *
   * @param kernel e.g. {@code MinNormBenchmark.solve}
   * @param size every parameter but the backend, e.g. {@code algorithm=SVD, parallelism=ALL_CORES, shape=N600_P1000}
   * @param best backend name (lower case, as typed on the command line)
   * @param runnerUp the next fastest passing backend, empty when only one passed
   * @param ratio runner-up time / best time (≥ 1; for throughput modes best / runner-up); NaN without a runner-up
   * @param ratioLow lower end of the ratio's 95 % interval from paired forks (NaN for plain JMH files):
   *     at or below 1 the two backends are not told apart by this run
   * @param ratioHigh upper end of that interval
   * @param excluded backends measured here but excluded for failing the kernel's accuracy thresholds
   */
  public record Row(String kernel, String size, String best, double bestScore, String runnerUp, double runnerUpScore,
      double ratio, double ratioLow, double ratioHigh, String unit, Set<String> excluded) {}

  /** The accuracy-table kernel a benchmark measures ({@code AccuracyKernel} names), if any. */
  static Optional<String> accuracyKernel(JmhResult r) {
    return switch (r.benchmarkClass()) {
      case "MinNormBenchmark" -> Optional.ofNullable(r.params().get("algorithm"))
          .map(a -> "min-norm-" + a.toLowerCase(Locale.ROOT));
      case "PseudoInverseBenchmark" -> Optional.of("pseudo-inverse");
      case "GemmBenchmark" -> Optional.of("gemm");
      case "HessianDiagonalBenchmark" -> Optional.of("hessian-diagonal");
      default -> Optional.empty();
    };
  }

  /** The JMH {@code backend} value ({@code COMMONS_MATH}) as the command-line name ({@code commons-math}). */
  static String cliName(String jmhBackend) {
    return jmhBackend.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The recommendations for every benchmark and size measured on at least one accuracy-passing backend,
   * in benchmark then size order.
   */
  public static List<Row> of(List<JmhResult> results, List<BenchReport.AccuracyCell> accuracy) {
    Set<String> failing = new TreeSet<>(); // "kernel backend"
    for (BenchReport.AccuracyCell c : accuracy) {
      if (Double.isNaN(c.worst()) || (Double.isFinite(c.threshold()) && c.worst() > c.threshold())) {
        failing.add(c.kernel() + " " + c.backend());
      }
    }
    Map<String, List<JmhResult>> groups = new TreeMap<>();
    for (JmhResult r : results) {
      if (r.params().containsKey("backend")) {
        groups.computeIfAbsent(r.shortName() + "\n" + r.mode() + "\n" + sizeOf(r), k -> new ArrayList<>()).add(r);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (List<JmhResult> g : groups.values()) {
      JmhResult first = g.get(0);
      Optional<String> kernel = accuracyKernel(first);
      List<JmhResult> ok = new ArrayList<>();
      Set<String> excluded = new TreeSet<>();
      for (JmhResult r : g) {
        String b = cliName(r.params().get("backend"));
        boolean bad = kernel.map(k -> failing.contains(k + " " + b)).orElse(false) || !(r.primary().score() > 0);
        if (bad) {
          excluded.add(b);
        } else {
          ok.add(r);
        }
      }
      if (ok.isEmpty()) {
        continue;
      }
      Comparator<JmhResult> faster = Comparator.comparingDouble(r -> r.primary().score());
      ok.sort(first.higherIsBetter() ? faster.reversed() : faster);
      JmhResult best = ok.get(0);
      JmhResult second = ok.size() > 1 ? ok.get(1) : null;
      double ratio = second == null ? Double.NaN : first.higherIsBetter()
          ? best.primary().score() / second.primary().score() : second.primary().score() / best.primary().score();
      // The interval comes from forks of the same round (issue 18's protocol), as in the report's ratio columns.
      ForkStatistics.Interval ci = second == null ? null
          : first.higherIsBetter() ? RowStats.ratio(best, second) : RowStats.ratio(second, best);
      rows.add(new Row(first.shortName(), sizeOf(first), cliName(best.params().get("backend")), best.primary().score(),
          second == null ? "" : cliName(second.params().get("backend")),
          second == null ? Double.NaN : second.primary().score(), ratio,
          ci == null ? Double.NaN : ci.low(), ci == null ? Double.NaN : ci.high(), best.primary().unit(), excluded));
    }
    return rows;
  }

  private static String sizeOf(JmhResult r) {
    Map<String, String> p = new LinkedHashMap<>(r.params());
    p.remove("backend");
    StringBuilder sb = new StringBuilder();
    p.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.length() == 0 ? "-" : sb.toString();
  }

  /** The Markdown table that opens the bench report. */
  public static String markdown(List<Row> rows) {
    StringBuilder sb = new StringBuilder("## Which backend to use\n\nFastest backend per kernel and size among those "
        + "that pass every accuracy threshold for the kernel (a backend failing one is never recommended), the "
        + "runner-up and how much slower it is, with the 95 % interval of that ratio from paired forks. Where the "
        + "interval reaches 1 this run cannot tell the two apart: either will do.\n\n| kernel | size | use | score | "
        + "runner-up | runner-up is | excluded (accuracy) |\n|---|---|---|---:|---|---:|---|\n");
    for (Row r : rows) {
      String slower;
      if (Double.isNaN(r.ratio())) {
        slower = "-";
      } else if (Double.isNaN(r.ratioLow())) {
        slower = String.format(Locale.ROOT, "%.2f× slower (no interval)", r.ratio());
      } else if (r.ratioLow() <= 1) {
        slower = String.format(Locale.ROOT, "%.2f× [%.2f, %.2f]: a tie", r.ratio(), r.ratioLow(), r.ratioHigh());
      } else {
        slower = String.format(Locale.ROOT, "%.2f× [%.2f, %.2f] slower", r.ratio(), r.ratioLow(), r.ratioHigh());
      }
      sb.append(String.format(Locale.ROOT, "| %s | %s | **%s** | %.4g %s | %s | %s | %s |%n", r.kernel(), r.size(),
          r.best(), r.bestScore(), r.unit(), r.runnerUp().isEmpty() ? "-" : r.runnerUp(), slower,
          r.excluded().isEmpty() ? "-" : String.join(", ", r.excluded())));
    }
    return sb.toString();
  }
}
