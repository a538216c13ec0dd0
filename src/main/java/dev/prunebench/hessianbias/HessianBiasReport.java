package dev.prunebench.hessianbias;

import dev.prunebench.report.AtomicFiles;
import dev.prunebench.report.Charts;
import dev.prunebench.report.Csv;
import dev.prunebench.theory.PplsParameters;
import dev.prunebench.theory.Theorem43Bound;
import dev.prunebench.theory.Theorem43Bounds;
import dev.prunebench.theory.Theorem43Envelope;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes one sweep's CSV files and figures: {@code sweep-<init>.csv} (one row per ratio),
 * {@code trajectories-<init>.csv} (thinned per-iterate records of the trajectory ratios),
 * {@code ni-vs-ratio-<init>.png} (final NI of each group against ρ with the bound envelopes) and
 * {@code loss-vs-tau-<init>.png} (loss against τ with the linear rate) and {@code ni-vs-tau-<init>.png}
 * (the NI of group 2 along the trajectory against (4.6)). The Markdown summary is
 * assembled by the command from {@link #markdownSection}.
 */
public final class HessianBiasReport {
  private HessianBiasReport() {}

  /** Most iterates kept per trajectory in the CSV (the first 50, then evenly spaced). */
  static final int TRAJECTORY_ROWS = 250;

  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};

  /** Writes the CSV files and PNG figures of {@code result} into {@code dir}; returns their names. */
  public static List<String> write(HessianBiasExperiment.Result result, Path dir) throws IOException {
    String tag = result.config().init().name().toLowerCase(Locale.ROOT);
    List<String> files = new ArrayList<>();
    String sweep = "sweep-" + tag + ".csv";
    Csv.write(dir.resolve(sweep), sweepHeader(), sweepRows(result));
    files.add(sweep);
    String traj = "trajectories-" + tag + ".csv";
    Csv.write(dir.resolve(traj), List.of("ratio", "tau", "loss_over_l0", "rate_bound", "ni1", "ni2", "nic1",
        "nic2", "ub46_1", "ub46_2", "lb47_1", "lb47_2"), trajectoryRows(result));
    files.add(traj);
    String niPng = "ni-vs-ratio-" + tag + ".png";
    Charts.savePng(niVsRatio(result), dir.resolve(niPng));
    files.add(niPng);
    String lossPng = "loss-vs-tau-" + tag + ".png";
    Charts.savePng(lossVsTau(result), dir.resolve(lossPng));
    files.add(lossPng);
    String niTauPng = "ni-vs-tau-" + tag + ".png";
    Charts.savePng(niVsTau(result), dir.resolve(niTauPng));
    files.add(niTauPng);
    return files;
  }

  private static List<String> sweepHeader() {
    return List.of("ratio", "c1", "c2", "mu1", "L1", "mu2", "L2", "kappa1", "kappa2", "kappa_tilde1",
        "kappa_tilde2", "eta", "iterations", "converged", "loss0", "final_loss_over_l0", "ni1", "ni2", "nic1",
        "nic2", "ub46_1", "ub46_2", "lb47_1", "lb47_2", "lbB19_1", "lbB19_2", "dist1", "dist2", "ub45_1", "ub45_2",
        "lbB18_1", "lbB18_2", "limit_distance", "limit_distance_bound");
  }

  private static List<List<Object>> sweepRows(HessianBiasExperiment.Result result) {
    List<List<Object>> rows = new ArrayList<>();
    for (HessianBiasPoint pt : result.points()) {
      GradientDescentTrace t = pt.trace();
      PplsParameters p = t.ppls();
      double[] c = HessianBiasConfig.scales(pt.ratio());
      Theorem43Envelope e1 = pt.envelopes()[0];
      Theorem43Envelope e2 = pt.envelopes()[1];
      rows.add(List.of(pt.ratio(), c[0], c[1], p.mu(0), p.smoothness(0), p.mu(1), p.smoothness(1), e1.kappa(),
          e2.kappa(), e1.kappaTilde(), e2.kappaTilde(), t.eta(), t.last(), t.converged(), t.loss0(),
          t.finalLoss() / t.loss0(), pt.groupNiShare(0), pt.groupNiShare(1), pt.complementNiShare(0),
          pt.complementNiShare(1), e1.groupNiUpper(), e2.groupNiUpper(), e1.complementNiLower(),
          e2.complementNiLower(), e1.groupNiLower(), e2.groupNiLower(), pt.distanceSquared(0),
          pt.distanceSquared(1), e1.distanceUpper(), e2.distanceUpper(), e1.distanceLower(), e2.distanceLower(),
          pt.limitDistance(), pt.limitDistanceBound()));
    }
    return rows;
  }

  /** The iterates kept for a trajectory of {@code last + 1} iterates: the first 50, then evenly spaced. */
  static int[] keptIterates(int last) {
    if (last < TRAJECTORY_ROWS) {
      int[] all = new int[last + 1];
      Arrays.setAll(all, k -> k);
      return all;
    }
    int head = 50;
    int tail = TRAJECTORY_ROWS - head;
    int[] kept = new int[TRAJECTORY_ROWS];
    for (int k = 0; k < head; k++) {
      kept[k] = k;
    }
    for (int k = 0; k < tail; k++) {
      kept[head + k] = head + (int) Math.round((double) (last - head) * (k + 1) / tail);
    }
    return kept;
  }

  private static List<HessianBiasPoint> trajectoryPoints(HessianBiasExperiment.Result result) {
    double[] wanted = result.config().trajectoryRatios();
    return result.points().stream().filter(pt -> Arrays.stream(wanted).anyMatch(w -> w == pt.ratio())).toList();
  }

  private static List<List<Object>> trajectoryRows(HessianBiasExperiment.Result result) {
    List<List<Object>> rows = new ArrayList<>();
    for (HessianBiasPoint pt : trajectoryPoints(result)) {
      GradientDescentTrace t = pt.trace();
      PplsParameters p = t.ppls();
      double mu = p.totalMu();
      double l0 = t.loss0();
      for (int tau : keptIterates(t.last())) {
        rows.add(List.of(pt.ratio(), tau, t.loss()[tau] / l0, Theorem43Bounds.rateFactor(t.eta(), mu, tau),
            t.groupNi()[0][tau] / l0, t.groupNi()[1][tau] / l0, t.complementNi()[0][tau] / l0,
            t.complementNi()[1][tau] / l0, Theorem43Bounds.groupNiUpperBound46(p.kappa(0), t.eta(), mu, tau),
            Theorem43Bounds.groupNiUpperBound46(p.kappa(1), t.eta(), mu, tau),
            Theorem43Bounds.complementNiLowerBound47(p.kappa(0), t.eta(), mu, tau),
            Theorem43Bounds.complementNiLowerBound47(p.kappa(1), t.eta(), mu, tau)));
      }
    }
    return rows;
  }

  /** Adds a line series keeping only the points with a positive y (the y axis is logarithmic). */
  private static void addPositive(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed,
      boolean markers) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int k = 0; k < x.length; k++) {
      if (y[k] > 0 && Double.isFinite(y[k])) {
        xs.add(x[k]);
        ys.add(y[k]);
      }
    }
    if (xs.isEmpty()) {
      return;
    }
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setLineColor(color);
    s.setMarkerColor(color);
    s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    s.setLineStyle(dashed ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
  }

  static XYChart niVsRatio(HessianBiasExperiment.Result result) {
    List<HessianBiasPoint> pts = result.points();
    int m = pts.size();
    double[] x = new double[m];
    double[][] ni = new double[2][m];
    double[][] ub46 = new double[2][m];
    double[][] lb = new double[2][m];
    double[][] lb47 = new double[2][m];
    for (int k = 0; k < m; k++) {
      HessianBiasPoint pt = pts.get(k);
      x[k] = pt.ratio();
      for (int i = 0; i < 2; i++) {
        ni[i][k] = pt.groupNiShare(i);
        ub46[i][k] = pt.envelopes()[i].groupNiUpper();
        lb[i][k] = pt.envelopes()[i].groupNiLower();
        // With two groups the complement of the other group is this group: (4.7) for Δ̄_{other}.
        lb47[i][k] = pt.envelopes()[1 - i].complementNiLower();
      }
    }
    XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
        .title("Final init-pruning NI vs scale ratio (θ₀ " + result.config().init().name().toLowerCase(Locale.ROOT)
            + ", n=" + result.config().samples() + ", p=" + Arrays.toString(result.config().groupSizes()) + ")")
        .xAxisTitle("scale ratio ρ = c₁/c₂").yAxisTitle("I^N / L(θ₀)").build();
    Charts.style(chart);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setYAxisMin(1e-13);
    chart.getStyler().setYAxisMax(1e3);
    for (int i = 0; i < 2; i++) {
      Color col = PALETTE[i];
      int g = i + 1;
      addPositive(chart, "NI group " + g + " (measured)", x, ni[i], col, false, true);
      addPositive(chart, "(4.6) upper, group " + g, x, ub46[i], col, true, false);
      addPositive(chart, "(4.7) lower (complement of group " + (2 - i) + "), group " + g, x, lb47[i],
          PALETTE[i + 2], true, false);
      addPositive(chart, "(B.19) lower, group " + g, x, lb[i], PALETTE[i + 4], true, false);
    }
    return chart;
  }

  static XYChart lossVsTau(HessianBiasExperiment.Result result) {
    XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
        .title("Loss vs iteration (solid) against the linear rate (1 − ημ)^τ (dashed) (θ₀ "
            + result.config().init().name().toLowerCase(Locale.ROOT) + ")")
        .xAxisTitle("iteration τ").yAxisTitle("L(θ_τ) / L(θ₀)").build();
    Charts.style(chart);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(1e-22);
    chart.getStyler().setYAxisMax(1.0);
    int k = 0;
    for (HessianBiasPoint pt : trajectoryPoints(result)) {
      GradientDescentTrace t = pt.trace();
      int[] kept = keptIterates(t.last());
      double[] x = new double[kept.length];
      double[] loss = new double[kept.length];
      double[] rate = new double[kept.length];
      for (int j = 0; j < kept.length; j++) {
        x[j] = kept[j];
        loss[j] = t.loss()[kept[j]] / t.loss0();
        rate[j] = Theorem43Bounds.rateFactor(t.eta(), t.ppls().totalMu(), kept[j]);
      }
      Color col = PALETTE[k++ % PALETTE.length];
      String r = ratioLabel(pt.ratio());
      addPositive(chart, "ρ=" + r + " measured", x, loss, col, false, false);
      addPositive(chart, "ρ=" + r + " bound (1−ημ)^τ", sparse(x), sparse(rate), col, true, false);
    }
    return chart;
  }

  /** NI of group 2 (the small-Hessian group for ρ ≥ 1) along each trajectory, against (4.6) at that τ. */
  static XYChart niVsTau(HessianBiasExperiment.Result result) {
    XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
        .title("NI of group 2 along GD against (4.6) (θ₀ " + result.config().init().name().toLowerCase(Locale.ROOT)
            + ")")
        .xAxisTitle("iteration τ").yAxisTitle("I^N_Δ₂(θ_τ, θ₀) / L(θ₀)").build();
    Charts.style(chart);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    int k = 0;
    for (HessianBiasPoint pt : trajectoryPoints(result)) {
      GradientDescentTrace t = pt.trace();
      PplsParameters p = t.ppls();
      int[] kept = keptIterates(t.last());
      double[] x = new double[kept.length];
      double[] ni = new double[kept.length];
      double[] ub = new double[kept.length];
      for (int j = 0; j < kept.length; j++) {
        x[j] = kept[j];
        ni[j] = t.groupNi()[1][kept[j]] / t.loss0();
        ub[j] = Theorem43Bounds.groupNiUpperBound46(p.kappa(1), t.eta(), p.totalMu(), kept[j]);
      }
      Color col = PALETTE[k++ % PALETTE.length];
      String r = ratioLabel(pt.ratio());
      addPositive(chart, "ρ=" + r + " I₂", x, ni, col, false, false);
      addPositive(chart, "ρ=" + r + " (4.6)", sparse(x), sparse(ub), col, true, false);
    }
    return chart;
  }

  /**
   * Every k-th point (about 30 in all, last point kept): a smooth bound curve drawn through fewer
   * points keeps its dash pattern visible, which a dense polyline loses.
   */
  static double[] sparse(double[] v) {
    int step = Math.max(1, v.length / 30);
    int m = (v.length - 1) / step + 1;
    double[] out = new double[m + ((v.length - 1) % step == 0 ? 0 : 1)];
    for (int j = 0; j < m; j++) {
      out[j] = v[j * step];
    }
    out[out.length - 1] = v[v.length - 1];
    return out;
  }

  /** {@code 2^k} for exact powers of two, else the decimal value. */
  public static String ratioLabel(double ratio) {
    double e = Math.log(ratio) / Math.log(2);
    if (Math.abs(e - Math.rint(e)) < 1e-9) {
      return "2^" + (long) Math.rint(e);
    }
    if (Math.abs(2 * e - Math.rint(2 * e)) < 1e-9) {
      return "2^" + Math.rint(2 * e) / 2;
    }
    return String.format(Locale.ROOT, "%.4g", ratio);
  }

  /** The Markdown section of one sweep: table per ratio, margins per bound, where the bounds bite. */
  public static String markdownSection(HessianBiasExperiment.Result result, HessianBiasSummary summary,
      List<String> files) {
    StringBuilder sb = new StringBuilder();
    String tag = result.config().init().name().toLowerCase(Locale.ROOT);
    sb.append("## θ₀ = ").append(tag.equals("zero") ? "0" : "Gaussian (each group's initial output has unit "
        + "variance per sample)").append("\n\n");
    sb.append("![NI vs ratio](").append(files.get(2)).append(")\n\n![loss vs tau](").append(files.get(3))
        .append(")\n\n![NI vs tau](").append(files.get(4)).append(")\n\n");
    sb.append("Data: `").append(files.get(0)).append("`, `").append(files.get(1)).append("`.\n\n");
    sb.append("| ρ | κ₁ | κ₂ | κ̃₁ | κ̃₂ | τ | I₁/L₀ | I₂/L₀ | small group s | (4.6) on I_s | (B.19) on I_s | "
        + "(4.7) on the other | ‖θ−θ*‖ | its bound |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (HessianBiasPoint pt : result.points()) {
      Theorem43Envelope e1 = pt.envelopes()[0];
      Theorem43Envelope e2 = pt.envelopes()[1];
      // The small-Hessian group is 2 for ρ ≥ 1 and 1 below; with two groups, (4.7) for Δ̄_s bounds the
      // NI of the other group.
      Theorem43Envelope es = pt.ratio() >= 1 ? e2 : e1;
      sb.append(String.format(Locale.ROOT, "| %s | %.3g | %.3g | %.3g | %.3g | %d | %.4g | %.4g | %d | %.3g | %.3g | "
          + "%.3g | %.2e | %.2e |%n", ratioLabel(pt.ratio()), e1.kappa(), e2.kappa(), e1.kappaTilde(), e2.kappaTilde(),
          pt.trace().last(), pt.groupNiShare(0), pt.groupNiShare(1), es.group() + 1, es.groupNiUpper(),
          es.groupNiLower(), es.complementNiLower(), pt.limitDistance(), pt.limitDistanceBound()));
    }
    sb.append("\nWith two groups I^N_Δ̄ₛ = I^N of the other group, so (4.7) for the small group s is a lower "
        + "bound on the other group's NI. The bounds of both groups at every ratio are in the CSV.\n\n");
    sb.append("| bound | statement | checks | violations | tightest looseness (bound/measured) | at | "
        + "smallest margin | at |\n|---|---|---|---|---|---|---|---|\n");
    for (Theorem43Bound b : Theorem43Bound.values()) {
      Long n = summary.checked().get(b);
      if (n == null) {
        continue;
      }
      HessianBiasSummary.Located t = summary.tightest().get(b);
      HessianBiasSummary.Located mg = summary.smallestMargin().get(b);
      sb.append(String.format(Locale.ROOT, "| (%s) | %s | %d | %d | %s | %s | %.3g | %s |%n", b.equation(),
          b.statement(), n, summary.violations().getOrDefault(b, 0L),
          t == null ? "vacuous everywhere" : String.format(Locale.ROOT, "%.4g", t.check().looseness()),
          t == null ? "" : where(t), mg.check().margin(), where(mg)));
    }
    sb.append('\n');
    sb.append(String.format(Locale.ROOT, "(4.6) on the small group is below 1 for every ρ ≥ %s; (4.7) on its "
        + "complement is positive for every ρ ≥ %s (from the last iterate). In the limit τ → ∞ both need "
        + "8κ₂² + 4κ₂ < 1, i.e. κ₂ < (√3 − 1)/4 ≈ 0.183; below that ratio they are vacuous.%n%n",
        Double.isNaN(summary.biteRatio46()) ? "none" : ratioLabel(summary.biteRatio46()),
        Double.isNaN(summary.biteRatio47()) ? "none" : ratioLabel(summary.biteRatio47())));
    return sb.toString();
  }

  private static String where(HessianBiasSummary.Located l) {
    HessianBiasChecks.Check c = l.check();
    return "ρ=" + ratioLabel(l.ratio()) + (c.group() >= 0 ? ", group " + (c.group() + 1) : "") + ", τ=" + c.tau();
  }

  /**
   * The n = 1 section: Proposition B.2 at the limit, where (B.18) and (B.19) hold with equality and
   * (B.20) is claimed; writes {@code one-sample.csv} and returns the Markdown table comparing the
   * measured complement NI with the corrected {@code (1 − κ̃)²} and the printed {@code 1 − κ̃² − 2κ̃}.
   */
  public static String oneSampleSection(HessianBiasExperiment.Result result, Path dir) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    sb.append("## n = 1: Proposition B.2 at the limit, and the (B.20) finding\n\n");
    sb.append("Same groups and scales with a single sample, θ₀ = 0. For n = 1, μᵢ = Lᵢ = ‖xᵢ‖², so κ̃₁ = "
        + "L₁/L and (B.18), (B.19) and the corrected (B.20) are equalities at θ*.\n\n");
    sb.append("| ρ | κ̃₁ | ‖θ*₁‖² | (B.18) | I_Δ₁/L₀ | (B.19) κ̃₁² | I_Δ̄₁/L₀ | corrected (B.20) (1 − κ̃₁)² | "
        + "printed (B.20) 1 − κ̃₁² − 2κ̃₁ |\n|---|---|---|---|---|---|---|---|---|\n");
    double worstRel = 0;
    int aboveP = 0;
    for (HessianBiasPoint pt : result.points()) {
      Theorem43Envelope e = pt.envelopes()[0];
      double measured = pt.complementNiShare(0);
      double printed = Theorem43Bounds.complementNiUpperBoundB20AsPrinted(e.kappaTilde());
      worstRel = Math.max(worstRel, Math.abs(measured - e.complementNiUpperN1()) / e.complementNiUpperN1());
      aboveP += measured > printed ? 1 : 0;
      rows.add(List.of(pt.ratio(), e.kappaTilde(), pt.distanceSquared(0), e.distanceLower(), pt.groupNiShare(0),
          e.groupNiLower(), measured, e.complementNiUpperN1(), printed));
      sb.append(String.format(Locale.ROOT, "| %s | %.4g | %.6g | %.6g | %.6g | %.6g | %.6g | %.6g | %.6g |%n",
          ratioLabel(pt.ratio()), e.kappaTilde(), pt.distanceSquared(0), e.distanceLower(), pt.groupNiShare(0),
          e.groupNiLower(), measured, e.complementNiUpperN1(), printed));
    }
    Csv.write(dir.resolve("one-sample.csv"), List.of("ratio", "kappa_tilde1", "dist1", "lbB18_1", "ni1",
        "lbB19_1", "nic1", "ubB20_corrected_1", "ubB20_printed_1"), rows);
    sb.append(String.format(Locale.ROOT, "%nThe measured I_Δ̄₁/L₀ equals the proof's (1 − κ̃₁)² to a relative "
        + "%.1e and exceeds the printed (B.20) bound at %d of %d ratios. Data: `one-sample.csv`.%n%n", worstRel,
        aboveP, result.points().size()));
    return sb.toString();
  }

  /** Writes {@code text} as {@code README.md} in {@code dir}. */
  public static void writeReadme(Path dir, String text) throws IOException {
    AtomicFiles.writeString(dir.resolve("README.md"), text);
  }
}
