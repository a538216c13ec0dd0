package dev.prunebench.report.bench;

import dev.prunebench.report.AtomicFiles;
import dev.prunebench.report.Charts;
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
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Renders a JMH run as {@code README.md} plus one PNG chart per benchmark class: per kernel, a table
 * of time per backend and configuration with JMH's error, the speed-up over {@code reference}, the
 * attained GFLOP/s or GB/s and its fraction of the machine's roof measured in the same run
 * ({@link Roofs}, {@link KernelCost}), and allocation per operation ({@code -prof gc}); the
 * accuracy table sits next to it so a fast-but-wrong backend is visible at a glance.
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
   */
  public static void render(List<JmhResult> results, BenchEnvironment env, List<AccuracyCell> accuracy,
      Path outDir, String jsonName) throws IOException {
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
    md.append("Times are JMH averages (`Mode.AverageTime`) with the 99.9 % error JMH reports; ")
        .append("`vs reference` is reference time / backend time (higher is faster); ")
        .append("allocation is `gc.alloc.rate.norm` from `-prof gc` (Java heap only: native buffers of the ")
        .append("OpenBLAS backend are not counted).\n\n");
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
      appendTable(md, e.getValue(), roofs);
      chart(e.getKey(), e.getValue(), outDir.resolve(chartName));
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

  private static void appendTable(StringBuilder md, List<JmhResult> rs, Roofs roofs) {
    Map<String, Double> referenceTime = new TreeMap<>();
    for (JmhResult r : rs) {
      if ("REFERENCE".equals(r.params().get("backend"))) {
        referenceTime.put(config(r) + "|" + r.shortName(), r.primary().score());
      }
    }
    md.append("| configuration | backend | time | ± error | vs reference | attained | of roof | alloc/op |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    List<JmhResult> sorted = new ArrayList<>(rs);
    sorted.sort((a, b) -> {
      int c = (config(a) + a.shortName()).compareTo(config(b) + b.shortName());
      return c != 0 ? c : a.primary().score() < b.primary().score() ? -1 : 1;
    });
    for (JmhResult r : sorted) {
      Double ref = referenceTime.get(config(r) + "|" + r.shortName());
      JmhResult.Metric m = r.primary();
      md.append("| ").append(config(r)).append(" | ").append(r.params().getOrDefault("backend", "-").toLowerCase(Locale.ROOT))
          .append(" | ").append(String.format(Locale.ROOT, "%.4g %s", m.score(), m.unit()))
          .append(" | ").append(Double.isNaN(m.error()) ? "-" : String.format(Locale.ROOT, "%.2g", m.error()))
          .append(" | ").append(ref == null ? "-" : String.format(Locale.ROOT, "%.2f×", ref / m.score()))
          .append(" | ").append(attained(r).orElse("-"))
          .append(" | ").append(roofs.fraction(r).map(f -> String.format(Locale.ROOT, "%.3g %%", 100 * f)).orElse("-"))
          .append(" | ").append(r.allocationPerOp().map(a -> bytes(a.score())).orElse("-"))
          .append(" |\n");
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

  private static void chart(String title, List<JmhResult> rs, Path target) throws IOException {
    List<String> configs = new ArrayList<>();
    Map<String, Map<String, JmhResult>> byBackend = new TreeMap<>();
    for (JmhResult r : rs) {
      String c = config(r);
      if (!configs.contains(c)) {
        configs.add(c);
      }
      byBackend.computeIfAbsent(r.params().getOrDefault("backend", "-").toLowerCase(Locale.ROOT),
          k -> new LinkedHashMap<>()).put(c, r);
    }
    String unit = rs.get(0).primary().unit();
    CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH + 200).height(Charts.HEIGHT)
        .title(title + " (lower is faster)").xAxisTitle("configuration").yAxisTitle("time (" + unit + ")").build();
    Styler st = chart.getStyler();
    st.setChartBackgroundColor(java.awt.Color.WHITE);
    st.setPlotBackgroundColor(java.awt.Color.WHITE);
    st.setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setXAxisLabelRotation(configs.size() > 4 ? 30 : 0);
    chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
    double lowest = Double.POSITIVE_INFINITY;
    for (Map.Entry<String, Map<String, JmhResult>> e : byBackend.entrySet()) {
      List<Double> y = new ArrayList<>();
      List<Double> err = new ArrayList<>();
      for (String c : configs) {
        JmhResult r = e.getValue().get(c);
        // log axis: a missing point is NaN (drawn as absent), never zero; an error bar longer than
        // the bar itself (a noisy run) is clipped at 90 % so that it stays on the log axis
        double score = r == null ? Double.NaN : r.primary().score();
        double error = r == null || Double.isNaN(r.primary().error()) ? 0.0 : Math.min(r.primary().error(), 0.9 * score);
        y.add(score);
        err.add(error);
        if (score > 0) {
          lowest = Math.min(lowest, score - error);
        }
      }
      chart.addSeries(e.getKey(), configs, y, err);
    }
    // XChart's bar charts start at zero unless told otherwise, which a log axis cannot show
    chart.getStyler().setYAxisMin(Double.isInfinite(lowest) ? 1e-3 : lowest / 2);
    Charts.savePng(chart, target);
  }
}
