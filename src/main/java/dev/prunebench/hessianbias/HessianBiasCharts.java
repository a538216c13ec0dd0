package dev.prunebench.hessianbias;

import dev.prunebench.report.Charts;
import dev.prunebench.theory.PplsParameters;
import dev.prunebench.theory.Theorem43Bounds;
import java.awt.Color;
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
 * The figures of the Theorem 4.3 sweep (house style of {@link Charts}): final NI of each group against
 * the scale ratio with the bound envelopes (4.6), (4.7), (B.19); loss against τ with the linear rate;
 * and the small group's NI along GD against (4.6). Logarithmic y axes; non-positive values (vacuous
 * lower bounds, NI = 0 at τ = 0) are left out of a series rather than clipped.
 */
final class HessianBiasCharts {
  private HessianBiasCharts() {}

  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};

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
    for (HessianBiasPoint pt : HessianBiasReport.trajectoryPoints(result)) {
      GradientDescentTrace t = pt.trace();
      int[] kept = HessianBiasReport.keptIterates(t.last());
      double[] x = new double[kept.length];
      double[] loss = new double[kept.length];
      double[] rate = new double[kept.length];
      for (int j = 0; j < kept.length; j++) {
        x[j] = kept[j];
        loss[j] = t.loss()[kept[j]] / t.loss0();
        rate[j] = Theorem43Bounds.rateFactor(t.eta(), t.ppls().totalMu(), kept[j]);
      }
      Color col = PALETTE[k++ % PALETTE.length];
      String r = HessianBiasMarkdown.ratioLabel(pt.ratio());
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
    for (HessianBiasPoint pt : HessianBiasReport.trajectoryPoints(result)) {
      GradientDescentTrace t = pt.trace();
      PplsParameters p = t.ppls();
      int[] kept = HessianBiasReport.keptIterates(t.last());
      double[] x = new double[kept.length];
      double[] ni = new double[kept.length];
      double[] ub = new double[kept.length];
      for (int j = 0; j < kept.length; j++) {
        x[j] = kept[j];
        ni[j] = t.groupNi()[1][kept[j]] / t.loss0();
        ub[j] = Theorem43Bounds.groupNiUpperBound46(p.kappa(1), t.eta(), p.totalMu(), kept[j]);
      }
      Color col = PALETTE[k++ % PALETTE.length];
      String r = HessianBiasMarkdown.ratioLabel(pt.ratio());
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
}
