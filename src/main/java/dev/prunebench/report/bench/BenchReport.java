package dev.prunebench.report.bench;

import dev.prunebench.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders a run as {@code README.md} plus one PNG chart per benchmark class: per kernel, a table of
 * time per backend and configuration as the median over forks with its bootstrap interval
 * ({@link RowStats}, {@link Digits}), the paired time ratios to the reference and to the fastest backend,
 * the rank (or "inconclusive"), the attained GFLOP/s or GB/s and its fraction of the machine's roof
 * measured in the same run ({@link Roofs}, {@link KernelCost}), and allocation per operation
 * ({@code -prof gc}); the calibration before and after the run, and the accuracy table next to it so a
 * fast-but-wrong backend is visible at a glance. A plain JMH file renders too, every row inconclusive.
 */
public final class BenchReport {
  private BenchReport() {}

  /** Accuracy summary rows to show next to speed: kernel, metric, backend → worst ratio and where. */
  public record AccuracyCell(String kernel, String metric, String backend, double worst, String where,
      double threshold, int count) {}

  /**
   * Writes {@code README.md} and the charts into {@code outDir}.
   *
   * @param jsonName file name of the JMH JSON the report was made from (linked from the Markdown)
   * @param reference the backend ratios are computed against (JMH name, e.g. {@code REFERENCE})
   * @param previousJson the previous run's JSON in the same directory, for the {@code compare} hint
   */
  public static void render(List<JmhResult> results, BenchEnvironment env, List<AccuracyCell> accuracy,
      Path outDir, String jsonName, String reference, Optional<String> previousJson) throws IOException {
    Files.createDirectories(outDir);
    Map<String, List<JmhResult>> byClass = new LinkedHashMap<>();
    for (String c : BenchPreset.BENCHMARK_CLASSES) {
      byClass.put(c, new ArrayList<>());
    }
    for (JmhResult r : results) {
      byClass.computeIfAbsent(r.benchmarkClass(), k -> new ArrayList<>()).add(r);
    }
    StringBuilder md = new StringBuilder();
    md.append("# Backend benchmark report\n\n");
    md.append(String.format(Locale.ROOT,
        "Preset `%s`, commit `%s`, %s. %s %s on %s, %d cores (%s). Raw JMH results: [`%s`](%s).%n%n",
        env.preset(), env.commit(), env.date(), env.jvm(), env.jvmVersion(), env.os(), env.cores(),
        env.cpuModel(), jsonName, jsonName));
    md.append(Recommendation.markdown(Recommendation.of(results, accuracy))).append('\n');
    boolean protocol = results.stream().anyMatch(r -> r.forks().size() >= 2);
    md.append(protocol ? String.format(Locale.ROOT, "How to read it: each backend ran as several short JMH forks, "
        + "interleaved with the other backends of the same kernel and size round by round, so that drift and a "
        + "neighbour's load hit all of them alike. `time` is the **median over forks** with its 95 %% bootstrap "
        + "interval (percentile, %d resamples, seeded); digits stop at the interval's resolution. `÷ %s` and "
        + "`÷ fastest` are **time ratios** (below 1 is faster) from forks of the same round, with their own 95 %% "
        + "interval. A row whose time or `÷ %s` interval is wider than ±%.0f %% is **inconclusive** and not "
        + "ranked. Allocation is `gc.alloc.rate.norm` from `-prof gc` (Java heap only: native buffers of the "
        + "OpenBLAS backend are not counted).%n%n", ForkStatistics.RESAMPLES, reference.toLowerCase(Locale.ROOT),
        reference.toLowerCase(Locale.ROOT), 100 * RowStats.INCONCLUSIVE)
        : "This file has no per-fork scores (plain JMH output): times show JMH's score and 99.9 % interval, and "
        + "ratios have no interval, so every row is inconclusive.\n\n");
    previousJson.ifPresent(prev -> md.append("Previous run in this directory: [`").append(prev).append("`](")
        .append(prev).append("); `prunebench compare ").append(prev).append(' ').append(jsonName)
        .append("` judges the change.\n\n"));
    md.append("How often `compare` catches a 15 % slow-down on this machine, and how often it stays quiet on identical ")
        .append("code: `prunebench bench gate-quality` writes [`gate-quality/README.md`](gate-quality/README.md).\n\n");
    if (protocol) {
      md.append(String.format(Locale.ROOT, "Median half-width of the `÷ %s` intervals over this run's rows: "
          + "**%.1f %%** (the quick preset aims at ≤ 5 %%; more `--forks` narrow it roughly as 1/√forks).%n%n",
          reference.toLowerCase(Locale.ROOT), 100 * medianRatioHalfWidth(results, reference)));
    }
    if (env.calibration() != null) {
      md.append("## Calibration (the machine before and after the run)\n\n").append(env.calibration().describe())
          .append('\n');
    }
    md.append("## Backends in this run\n\n| backend | library | version | threads (single / all cores) | notes |\n")
        .append("|---|---|---|---|---|\n");
    for (BenchEnvironment.BackendRow b : env.backends()) {
      md.append("| ").append(b.backend()).append(" | ").append(b.available() ? b.library() : "unavailable")
          .append(" | ").append(b.version()).append(" | ")
          .append(b.available() ? b.threadsSingle() + " / " + b.threadsAllCores() : "-")
          .append(" | ").append(b.details().replace('|', '/')).append(" |\n");
    }
    Roofs roofs = Roofs.of(results);
    md.append("\n## The machine's roofs in this run\n\n").append(roofs.describe()).append('\n')
        .append("`attained` is a kernel's modelled work per second: flops for compute-bound kernels, compulsory ")
        .append("bytes (inputs read once, outputs written once) for memory-bound ones (`KernelCost`); `of roof` ")
        .append("divides it by the roof of its bound, so 100 % is what this hardware allows. Threads: each ")
        .append("row's `parallelism` parameter, one kernel at a time per forked JVM (thread policy `kernels` for ")
        .append("ALL_CORES rows, `single` for SINGLE rows).\n");
    if (!accuracy.isEmpty()) {
      md.append("\n## Accuracy next to speed\n\n");
      md.append(accuracyTable(accuracy));
    }
    for (Map.Entry<String, List<JmhResult>> e : byClass.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      String chartName = e.getKey() + ".png";
      md.append("\n## ").append(e.getKey()).append("\n\n");
      md.append("![").append(e.getKey()).append("](").append(chartName).append(")\n\n");
      appendTable(md, e.getValue(), roofs, reference);
      BenchChart.write(e.getKey(), byConfig(e.getValue()), outDir.resolve(chartName));
    }
    AtomicFiles.writeString(outDir.resolve("README.md"), md.toString());
  }

  /** The worst accuracy ratio per kernel/metric (rows) and backend (columns), as a Markdown table. */
  public static String accuracyTable(List<AccuracyCell> cells) {
    StringBuilder md = new StringBuilder();
    md.append("Worst normalised error ratio over the matrix classes (see `reports/accuracy/`); ")
        .append("LAPACK's test threshold is 30 where it applies. `where` names the worst class.\n\n");
    Map<String, Map<String, AccuracyCell>> rows = new TreeMap<>();
    List<String> backends = new ArrayList<>();
    for (AccuracyCell c : cells) {
      rows.computeIfAbsent(c.kernel() + " / " + c.metric(), k -> new TreeMap<>()).put(c.backend(), c);
      if (!backends.contains(c.backend())) {
        backends.add(c.backend());
      }
    }
    md.append("| kernel / metric |");
    backends.forEach(b -> md.append(' ').append(b).append(" |"));
    md.append("\n|---|");
    backends.forEach(b -> md.append("---|"));
    md.append('\n');
    for (Map.Entry<String, Map<String, AccuracyCell>> r : rows.entrySet()) {
      md.append("| ").append(r.getKey()).append(" |");
      for (String b : backends) {
        AccuracyCell c = r.getValue().get(b);
        String text;
        if (c == null) {
          text = "-";
        } else if (c.metric().endsWith("refused")) {
          text = "refused " + c.count() + " (e.g. " + c.where() + ")";
        } else {
          text = String.format(Locale.ROOT, "%.3g (%s)%s", c.worst(), c.where(),
              !Double.isNaN(c.threshold()) && c.worst() > c.threshold() ? " **over**" : "");
        }
        md.append(' ').append(text).append(" |");
      }
      md.append('\n');
    }
    return md.toString();
  }

  /**
   * Configuration label: the benchmark method (only for classes with several, e.g. the two
   * conversion directions) and every parameter except the backend.
   */
  static String config(JmhResult r) {
    StringBuilder sb = new StringBuilder();
    String method = r.shortName().substring(r.shortName().indexOf('.') + 1);
    if (MULTI_METHOD_CLASSES.contains(r.benchmarkClass())) {
      sb.append(method);
    }
    r.params().forEach((k, v) -> {
      if (!k.equals("backend")) {
        sb.append(sb.length() == 0 ? "" : " ").append(v);
      }
    });
    return sb.length() == 0 ? method : sb.toString();
  }

  /** Benchmark classes with more than one {@code @Benchmark} method. */
  private static final java.util.Set<String> MULTI_METHOD_CLASSES = java.util.Set.of("ConversionBenchmark", "NetworkBenchmark",
      "CopyBaselineBenchmark");

  /** The median over rows (other than the reference's own) of the ratio-to-reference interval's relative half-width. */
  static double medianRatioHalfWidth(List<JmhResult> results, String reference) {
    double[] widths = byConfig(results).values().stream().flatMap(rs -> RowStats.of(rs, reference).stream())
        .filter(s -> !reference.equals(s.result().params().get("backend")))
        .flatMap(s -> s.toReference().stream()).mapToDouble(ForkStatistics.Interval::relativeHalfWidth)
        .filter(Double::isFinite).toArray();
    return widths.length == 0 ? Double.NaN : ForkStatistics.median(widths);
  }

  /** Rows grouped by configuration (method and parameters without the backend), in sorted order. */
  static Map<String, List<JmhResult>> byConfig(List<JmhResult> rs) {
    Map<String, List<JmhResult>> out = new TreeMap<>();
    for (JmhResult r : rs) {
      out.computeIfAbsent(config(r) + "|" + r.shortName(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static void appendTable(StringBuilder md, List<JmhResult> rs, Roofs roofs, String reference) {
    String ref = reference.toLowerCase(Locale.ROOT);
    md.append("| configuration | backend | time [95 % CI] | ÷ ").append(ref).append(" | ÷ fastest | rank | attained | of roof | alloc/op |\n")
        .append("|---|---|---:|---:|---:|---|---:|---:|---:|\n");
    for (List<JmhResult> same : byConfig(rs).values()) {
      List<RowStats> stats = new ArrayList<>(RowStats.of(same, reference));
      stats.sort(java.util.Comparator.comparingDouble(s -> s.time().estimate()));
      for (RowStats s : stats) {
        JmhResult r = s.result();
        md.append("| ").append(config(r)).append(" | ").append(r.params().getOrDefault("backend", "-").toLowerCase(Locale.ROOT))
            .append(" | ").append(Digits.withInterval(s.time())).append(' ').append(r.primary().unit())
            .append(" | ").append(s.toReference().map(Digits::withInterval).orElse("-"))
            .append(" | ").append(s.toFastest().map(Digits::withInterval).orElse("-"))
            .append(" | ").append(s.inconclusive() ? "inconclusive" : String.valueOf(s.rank()))
            .append(" | ").append(attained(r).orElse("-"))
            .append(" | ").append(roofs.fraction(r).map(f -> String.format(Locale.ROOT, "%.3g %%", 100 * f)).orElse("-"))
            .append(" | ").append(r.allocationPerOp().map(a -> bytes(a.score())).orElse("-"))
            .append(" |\n");
      }
    }
  }

  /** The attained rate with its unit ({@code 12.3 GFLOP/s} or {@code 8.1 GB/s}), where the work is modelled. */
  static Optional<String> attained(JmhResult r) {
    return KernelCost.of(r).flatMap(k -> Roofs.attained(r).map(rate -> String.format(Locale.ROOT, "%.2f %s",
        rate / 1e9, k.bound() == KernelCost.Bound.COMPUTE ? "GFLOP/s" : "GB/s")));
  }

  /** Seconds per unit of a JMH time unit such as {@code ms/op}. */
  static double secondsPer(String unit) {
    String u = unit.replace("/op", "");
    return switch (u) {
      case "s" -> 1;
      case "ms" -> 1e-3;
      case "us" -> 1e-6;
      case "ns" -> 1e-9;
      default -> Double.NaN;
    };
  }

  private static String bytes(double b) {
    if (Double.isNaN(b)) {
      return "-";
    }
    if (b < 1024) {
      return String.format(Locale.ROOT, "%.0f B", b);
    }
    if (b < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
    }
    return String.format(Locale.ROOT, "%.1f MiB", b / (1024 * 1024));
  }
}
