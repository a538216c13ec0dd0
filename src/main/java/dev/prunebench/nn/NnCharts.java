package dev.prunebench.nn;

import dev.prunebench.report.Charts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG figures of the Section 4 report (Figures 2, 3 and 4), in the house style of {@link Charts}. */
final class NnCharts {
  private NnCharts() {}

  /** One line of a chart. */
  record Line(String name, double[] x, double[] y, Color color, BasicStroke stroke) {}

  static final Color RED = new Color(0xC0392B);
  static final Color BLUE = new Color(0x2E64B0);
  static final Color GREEN = new Color(0x2E8B57);
  static final Color ORANGE = new Color(0xE67E22);
  static final Color PURPLE = new Color(0x7D3C98);
  static final Color GREY = new Color(0x555555);
  static final Color TEAL = new Color(0x17A589);

  /** A palette for one line per λ. */
  static Color lambdaColor(int i, int count) {
    float hue = count <= 1 ? 0.6f : 0.75f * i / (count - 1);
    return Color.getHSBColor(hue, 0.8f, 0.75f);
  }

  static void save(Path file, String title, String xTitle, String yTitle, boolean logX, boolean logY,
      List<Line> lines) throws IOException {
    save(file, title, xTitle, yTitle, logX, logY, 0, lines);
  }

  /**
   * Saves a chart. On a log y-axis, values ≤ 0 are left out, or drawn at {@code zeroFloor} when it
   * is positive (so that, e.g., a dead layer's survival of 0 stays visible).
   */
  static void save(Path file, String title, String xTitle, String yTitle, boolean logX, boolean logY,
      double zeroFloor, List<Line> lines) throws IOException {
    XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    Charts.style(chart);
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    chart.getStyler().setXAxisDecimalPattern(logX ? "0.###" : "#.##");
    int added = 0;
    for (Line l : lines) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int k = 0; k < l.x().length; k++) {
        // A log axis cannot show 0 or negative values (e.g. a dead layer's survival): leave them out.
        double y = l.y()[k];
        if (logY && y <= 0 && zeroFloor > 0) {
          y = zeroFloor;
        }
        if (Double.isFinite(y) && (!logY || y > 0)) {
          xs.add(l.x()[k]);
          ys.add(y);
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      XYSeries s = chart.addSeries(l.name(), xs, ys);
      s.setLineColor(l.color());
      s.setMarkerColor(l.color());
      s.setLineStyle(l.stroke());
      s.setMarker(SeriesMarkers.CIRCLE);
      added++;
    }
    if (added == 0) {
      chart.addSeries("(no positive values)", new double[] {1}, new double[] {1});
    }
    Charts.savePng(chart, file);
  }

  static BasicStroke solid() {
    return SeriesLines.SOLID;
  }

  static BasicStroke dashed() {
    return SeriesLines.DASH_DASH;
  }

  static BasicStroke dotted() {
    return SeriesLines.DOT_DOT;
  }

  /** Shortest decimal form: 0.05, 0.125, 8.0. */
  static String fmt(double v) {
    return Double.toString(v);
  }

  /** log₂ of every entry (the λ axis: the grid is powers of two). */
  static double[] log2(double[] xs) {
    double[] out = new double[xs.length];
    for (int k = 0; k < xs.length; k++) {
      out[k] = Math.log(xs[k]) / Math.log(2);
    }
    return out;
  }
}
