package dev.prunebench.report.bench;

import dev.prunebench.report.Charts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One chart per benchmark class: time per configuration (x) and backend (a marker each, side by side),
 * on a logarithmic axis, with each row's own <em>asymmetric</em> interval drawn as a vertical segment
 * from its low to its high end. The bootstrap interval of a median over positive fork times is
 * positive, so no segment leaves the axis; an interval that is not positive (a plain JMH file's
 * symmetric 99.9 % error larger than the score) is not drawn at all rather than clipped.
 */
final class BenchChart {
  private BenchChart() {}

  static void write(String title, Map<String, List<JmhResult>> byConfig, Path target) throws IOException {
    List<String> configs = new ArrayList<>(byConfig.keySet());
    TreeSet<String> backends = new TreeSet<>();
    byConfig.values().forEach(rs -> rs.forEach(r -> backends.add(backend(r))));
    List<String> bs = new ArrayList<>(backends);
    String unit = byConfig.values().iterator().next().get(0).primary().unit();
    XYChart chart = new XYChartBuilder().width(Charts.WIDTH + 200).height(Charts.HEIGHT)
        .title(title + " (lower is faster; bars: 95 % interval)").xAxisTitle("configuration")
        .yAxisTitle("time (" + unit + ")").build();
    Styler st = chart.getStyler();
    st.setChartBackgroundColor(java.awt.Color.WHITE);
    st.setPlotBackgroundColor(java.awt.Color.WHITE);
    st.setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setXAxisMin(-0.5);
    chart.getStyler().setXAxisMax(configs.size() - 0.5);
    // ticks at whole numbers are the configurations (numbered from 1 in the axis title); others unlabelled
    chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
      long i = Math.round(x);
      return Math.abs(x - i) < 1e-6 && i >= 0 && i < configs.size() ? String.valueOf(i + 1) : "";
    });
    StringBuilder axis = new StringBuilder("configuration:");
    for (int i = 0; i < configs.size(); i++) {
      axis.append(i == 0 ? " " : "; ").append(i + 1).append(" = ").append(shortConfig(configs.get(i)));
    }
    chart.setXAxisTitle(axis.length() > 220 ? axis.substring(0, 217) + "..." : axis.toString());
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    double width = 0.7 / Math.max(1, bs.size());
    int whisker = 0;
    for (int j = 0; j < bs.size(); j++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      List<double[]> segments = new ArrayList<>();
      for (int i = 0; i < configs.size(); i++) {
        for (JmhResult r : byConfig.get(configs.get(i))) {
          if (!backend(r).equals(bs.get(j))) {
            continue;
          }
          ForkStatistics.Interval t = RowStats.time(r);
          double x = i + (j - (bs.size() - 1) / 2.0) * width;
          xs.add(x);
          ys.add(t.estimate());
          lowest = Math.min(lowest, t.estimate());
          highest = Math.max(highest, Double.isFinite(t.high()) ? t.high() : t.estimate());
          if (t.low() > 0 && Double.isFinite(t.high())) {
            segments.add(new double[] {x, t.low(), t.high()});
            lowest = Math.min(lowest, t.low());
          }
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      XYSeries points = chart.addSeries(bs.get(j), xs, ys);
      points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      points.setMarker(SeriesMarkers.CIRCLE);
      java.awt.Color colour = PALETTE[j % PALETTE.length];
      points.setMarkerColor(colour);
      for (double[] seg : segments) {
        XYSeries s = chart.addSeries("ci" + whisker++, new double[] {seg[0], seg[0]}, new double[] {seg[1], seg[2]});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setShowInLegend(false);
      }
    }
    // whole decades: a log axis labels only powers of ten, so a range inside one decade would have none
    chart.getStyler().setYAxisMin(Double.isInfinite(lowest) ? 1e-3 : Math.pow(10, Math.floor(Math.log10(lowest / 1.2))));
    chart.getStyler().setYAxisMax(highest > 0 ? Math.pow(10, Math.ceil(Math.log10(highest * 1.2))) : 1);
    Charts.savePng(chart, target);
  }

  /** One colour per backend, shared by its markers and its interval segments. */
  private static final java.awt.Color[] PALETTE = {new java.awt.Color(31, 119, 180), new java.awt.Color(255, 127, 14),
      new java.awt.Color(44, 160, 44), new java.awt.Color(214, 39, 40), new java.awt.Color(148, 103, 189),
      new java.awt.Color(140, 86, 75), new java.awt.Color(227, 119, 194), new java.awt.Color(127, 127, 127)};

  private static String backend(JmhResult r) {
    return r.params().getOrDefault("backend", "-").toLowerCase(Locale.ROOT);
  }

  /** The configuration part of a {@link BenchReport#byConfig} key. */
  private static String shortConfig(String key) {
    return key.substring(0, key.indexOf('|'));
  }
}
