package dev.prunebench.report;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Saves XChart charts as PNG through {@link AtomicFiles}, with one house style for every figure.
 */
public final class Charts {
  private Charts() {}

  /** Width and height used for report figures, in pixels. */
  public static final int WIDTH = 800;
  public static final int HEIGHT = 560;

  /** Applies the house style: white background, legend inside top-right, no chart border. */
  public static void style(XYChart chart) {
    Styler st = chart.getStyler();
    st.setChartBackgroundColor(java.awt.Color.WHITE);
    st.setPlotBackgroundColor(java.awt.Color.WHITE);
    st.setLegendPosition(Styler.LegendPosition.InsideNE);
    st.setPlotBorderVisible(true);
    st.setChartTitleBoxVisible(false);
    st.setLegendBorderColor(java.awt.Color.LIGHT_GRAY);
  }

  /** Writes {@code chart} as a PNG at {@code target} (parent directories created). */
  public static void savePng(Chart<?, ?> chart, Path target) throws IOException {
    byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    AtomicFiles.writeBytes(target, png);
  }
}
