package dev.prunebench.linear;

import dev.prunebench.prune.PruningMethod;
import dev.prunebench.report.AtomicFiles;
import dev.prunebench.report.Claims;
import dev.prunebench.report.Charts;
import dev.prunebench.report.Csv;
import dev.prunebench.theory.HNormalisation;
import dev.prunebench.util.ThreadPolicy;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a {@link Figure1Result} as CSV, PNG and a Markdown summary into one directory.
 *
 * <p>Files ({@link #FILES}):
 * <ul>
 *   <li>{@code fig1a.csv}/{@code .png}: λ ≥ 1; {@code fig1b.csv}/{@code .png}: λ ≤ 1 (the paper's
 *       1a contrasts λ = 1 and 5, 1b adds λ = 1/2). Columns {@code lambda, s, sparsity, method,
 *       analytic_mean, analytic_se, empirical_mean, empirical_se}: {@code s} is the number of
 *       weights kept, {@code sparsity = s/p}, {@code method} is MP or HP, the analytic columns the
 *       Monte-Carlo mean and standard error of the Definition 3.2 prediction, the empirical columns
 *       the mean and standard error over trials of the min-norm solution's test loss
 *       {@code ‖Λ Π_s(θ̂^Λ) − θ̄‖² + σ²}.
 *   <li>{@code fig1c.csv}/{@code .png}: {@code lambda, s, sparsity, test_ni, train_ni_mean,
 *       train_ni_se}: NI of the first s weights, of θ̄ for the population loss and of θ̂^Λ for the
 *       training loss.
 *   <li>{@code summary.csv}: per λ, Ξ, Γ, unpruned analytic/empirical loss and the largest gaps.
 *   <li>{@code claims.csv}: the paper's claims with verdicts ({@link Figure1Claims#forReport}).
 *   <li>{@code README.md}: the configuration, the figures, the numbers and how to re-run.
 * </ul>
 */
public final class Figure1Report {
  private Figure1Report() {}

  /** Every file {@link #write} produces. */
  public static final List<String> FILES = List.of("fig1a.csv", "fig1b.csv", "fig1c.csv", "summary.csv",
      "fig1a.png", "fig1b.png", "fig1c.png", "claims.csv", "README.md");

  static final List<String> PRUNING_HEADER = List.of("lambda", "s", "sparsity", "method", "analytic_mean",
      "analytic_se", "empirical_mean", "empirical_se");
  static final List<String> IMPORTANCE_HEADER = List.of("lambda", "s", "sparsity", "test_ni", "train_ni_mean",
      "train_ni_se");
  static final List<String> SUMMARY_HEADER = List.of("lambda", "xi", "big_gamma", "analytic_unpruned",
      "empirical_unpruned_mean", "empirical_unpruned_se", "max_abs_gap", "max_rel_gap", "max_gap_in_se");

  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e),
    new Color(0x8c564b)
  };

  /**
   * Writes every file of {@link #FILES} into {@code dir}.
   *
   * @param commandLine the command that reproduces this run, quoted in the README
   */
  public static void write(Figure1Result r, Path dir, String commandLine) throws IOException {
    AtomicFiles.requireWritableDirectory(dir);
    Csv.write(dir.resolve("fig1a.csv"), PRUNING_HEADER, pruningRows(r, l -> l >= 1));
    Csv.write(dir.resolve("fig1b.csv"), PRUNING_HEADER, pruningRows(r, l -> l <= 1));
    List<List<Object>> ni = new ArrayList<>();
    for (Figure1Result.ImportancePoint pt : r.importance()) {
      ni.add(List.of(pt.lambda(), pt.s(), pt.sparsity(), pt.testNi(), pt.trainingNi().mean(),
          pt.trainingNi().standardError()));
    }
    Csv.write(dir.resolve("fig1c.csv"), IMPORTANCE_HEADER, ni);
    List<List<Object>> summary = new ArrayList<>();
    for (Figure1Result.LambdaSummary s : r.summaries()) {
      summary.add(List.of(s.lambda(), s.xi(), s.bigGamma(), s.analyticUnprunedLoss(), s.empiricalUnprunedLoss().mean(),
          s.empiricalUnprunedLoss().standardError(), s.maxAbsGap(), s.maxRelGap(), s.maxGapInSe()));
    }
    Csv.write(dir.resolve("summary.csv"), SUMMARY_HEADER, summary);
    Charts.savePng(pruningChart(r, "Figure 1a: λ ≥ 1", l -> l >= 1), dir.resolve("fig1a.png"));
    Charts.savePng(pruningChart(r, "Figure 1b: λ ≤ 1", l -> l <= 1), dir.resolve("fig1b.png"));
    Charts.savePng(importanceChart(r), dir.resolve("fig1c.png"));
    Claims.write(dir, Figure1Claims.forReport(r));
    AtomicFiles.writeString(dir.resolve("README.md"), readme(r, commandLine));
  }

  private static List<List<Object>> pruningRows(Figure1Result r, DoublePredicate lambdas) {
    List<List<Object>> rows = new ArrayList<>();
    for (Figure1Result.PruningPoint pt : r.pruning()) {
      if (lambdas.test(pt.lambda())) {
        rows.add(List.of(pt.lambda(), pt.s(), pt.sparsity(), pt.method().name(), pt.analytic().mean(),
            pt.analytic().standardError(), pt.empirical().mean(), pt.empirical().standardError()));
      }
    }
    return rows;
  }

  private static Color color(Figure1Result r, double lambda) {
    return PALETTE[r.config().lambdas().indexOf(lambda) % PALETTE.length];
  }

  private static XYChart newChart(String title, String xTitle, String yTitle) {
    XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    Charts.style(chart);
    chart.getStyler().setMarkerSize(7);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax(1.0);
    chart.getStyler().setXAxisDecimalPattern("0.0");
    return chart;
  }

  static XYChart pruningChart(Figure1Result r, String title, DoublePredicate lambdas) {
    XYChart chart = newChart(title + " — lines: Definition 3.2, markers: min-norm θ̂^Λ",
        "sparsity s/p (fraction of weights kept)", "test loss");
    chart.getStyler().setYAxisDecimalPattern("0.00");
    for (double lambda : r.config().lambdas()) {
      if (!lambdas.test(lambda)) {
        continue;
      }
      for (PruningMethod m : PruningMethod.values()) {
        List<Double> x = new ArrayList<>();
        List<Double> analytic = new ArrayList<>();
        List<Double> empirical = new ArrayList<>();
        for (Figure1Result.PruningPoint pt : r.pruning()) {
          if (pt.lambda() == lambda && pt.method() == m) {
            x.add(pt.sparsity());
            analytic.add(pt.analytic().mean());
            empirical.add(pt.empirical().mean());
          }
        }
        String name = m + ", λ=" + LambdaProfile.format(lambda);
        Color c = color(r, lambda);
        XYSeries line = chart.addSeries(name, x, analytic);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(c);
        line.setLineStyle(m == PruningMethod.MP ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
        line.setLineWidth(2f);
        addMarkers(chart, name + " (empirical)", x, empirical, c,
            m == PruningMethod.MP ? SeriesMarkers.CIRCLE : SeriesMarkers.SQUARE);
      }
    }
    return chart;
  }

  private static void addMarkers(XYChart chart, String name, List<Double> x, List<Double> y, Color c, Marker marker) {
    XYSeries pts = chart.addSeries(name, x, y);
    pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    pts.setMarker(marker);
    pts.setMarkerColor(c);
    pts.setShowInLegend(false);
  }

  static XYChart importanceChart(Figure1Result r) {
    XYChart chart = newChart("Figure 1c: natural importance of the first s weights",
        "s/p (leading weights removed)", "natural importance");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    chart.getStyler().setYAxisDecimalPattern("0.00");
    double firstLambda = r.config().lambdas().get(0);
    List<Double> x = new ArrayList<>();
    List<Double> test = new ArrayList<>();
    for (Figure1Result.ImportancePoint pt : r.importance()) {
      if (pt.lambda() == firstLambda) {
        x.add(pt.sparsity());
        test.add(pt.testNi());
      }
    }
    XYSeries t = chart.addSeries("test NI of θ̄ (every λ)", x, test);
    t.setMarker(SeriesMarkers.NONE);
    t.setLineColor(Color.BLACK);
    t.setLineWidth(2.5f);
    t.setLineStyle(new BasicStroke(2.5f));
    for (double lambda : r.config().lambdas()) {
      List<Double> xs = new ArrayList<>();
      List<Double> train = new ArrayList<>();
      for (Figure1Result.ImportancePoint pt : r.importance()) {
        if (pt.lambda() == lambda) {
          xs.add(pt.sparsity());
          train.add(pt.trainingNi().mean());
        }
      }
      XYSeries s = chart.addSeries("training NI of θ̂^Λ, λ=" + LambdaProfile.format(lambda), xs, train);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(color(r, lambda));
      s.setLineColor(color(r, lambda));
      s.setLineStyle(SeriesLines.DASH_DASH);
    }
    return chart;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  static String readme(Figure1Result r, String commandLine) {
    Figure1Config c = r.config();
    StringBuilder sb = new StringBuilder();
    sb.append("# Linear models: covariance bias and Figure 1\n\n");
    sb.append("Generated by `prunebench linear` (do not edit by hand). Reproduction of Figure 1 of *Exploring Weight "
        + "Importance and Hessian Bias in Model Pruning* (Li, Sattar, Thrampoulidis, Oymak 2020), Section 3.1.\n\n");
    sb.append("```\n").append(commandLine).append("\n```\n\n");
    sb.append("## Configuration\n\n| parameter | value |\n|---|---|\n");
    sb.append("| p, n, κ = p/n | ").append(c.p()).append(", ").append(c.n()).append(", ").append(f(c.kappa())).append(" |\n");
    sb.append("| σ | ").append(c.sigma()).append(" |\n");
    sb.append("| θ̄ profile (unit norm) | ").append(c.theta().name().toLowerCase(Locale.ROOT)).append(" |\n");
    sb.append("| Λ (eq. 3.5) | λ on the first ").append(c.fraction()).append(" of the coordinates, 1 elsewhere |\n");
    sb.append("| λ | ").append(c.lambdas()).append(" |\n");
    sb.append("| sparsity grid | ").append(c.sparsityCounts().length).append(" levels of s/p in [")
        .append(f((double) c.sparsityCounts()[0] / c.p())).append(", ")
        .append(f((double) c.sparsityCounts()[c.sparsityCounts().length - 1] / c.p())).append("] |\n");
    sb.append("| empirical trials / Monte-Carlo draws of h | ").append(c.trials()).append(" / ").append(c.draws()).append(" |\n");
    sb.append("| seed | ").append(c.seed()).append(" |\n");
    sb.append("| backend | ").append(r.backendInfo().library()).append(" ").append(r.backendInfo().version())
        .append(" (").append(c.backend().cliName()).append(", ").append(r.backendInfo().threads()).append(" threads), ")
        .append(c.algorithm().cliName()).append(" min-norm |\n");
    sb.append("| thread policy | ").append(ThreadPolicy.oneJobAtATime(c.parallelism()).describe()).append(" |\n");
    sb.append("| HP Hessian | ").append(c.hessian().name().toLowerCase(Locale.ROOT)).append(" |\n");
    sb.append("| h in Definition 3.2 | ").append(c.h() == HNormalisation.PER_P
        ? "N(0, I_p/p) (Appendix A.29)" : "N(0, I_p/n) (main text)").append(" |\n");
    sb.append("| wall-clock time | ").append(String.format(Locale.ROOT, "%.1f s", r.elapsed().toMillis() / 1000.0)).append(" |\n\n");

    sb.append("## Figures\n\nLines: analytic prediction (Definition 3.2, eq. 3.4, Monte Carlo over h). Markers: test loss "
        + "‖Λ Π_s(θ̂^Λ) − θ̄‖² + σ² of the actual min-norm solution, mean over trials. Solid/circles: MP; "
        + "dashed/squares: HP.\n\n");
    sb.append("![Figure 1a](fig1a.png)\n\n![Figure 1b](fig1b.png)\n\n![Figure 1c](fig1c.png)\n\n");

    sb.append("## Analytic vs empirical\n\n| λ | Ξ | Γ | unpruned loss, analytic (κΓ) | unpruned loss, empirical | "
        + "largest abs. gap | largest rel. gap | largest gap / combined se | where |\n|---|---|---|---|---|---|---|---|---|\n");
    for (Figure1Result.LambdaSummary s : r.summaries()) {
      Figure1Result.PruningPoint w = s.worst();
      sb.append("| ").append(LambdaProfile.format(s.lambda())).append(" | ").append(f(s.xi())).append(" | ")
          .append(f(s.bigGamma())).append(" | ").append(f(s.analyticUnprunedLoss())).append(" | ")
          .append(f(s.empiricalUnprunedLoss().mean())).append(" ± ").append(f(s.empiricalUnprunedLoss().standardError()))
          .append(" | ").append(f(s.maxAbsGap())).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f%%", 100 * s.maxRelGap())).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", s.maxGapInSe())).append(" | ")
          .append(w.method()).append(", s/p = ").append(f(w.sparsity())).append(" |\n");
    }
    sb.append("\nStandard errors: analytic = Monte-Carlo se over h; empirical = se over trials; combined = "
        + "√(se_a² + se_e²).\n\n");

    Figure1Result.IsotropicCheck iso = r.isotropic();
    sb.append("## Erratum: the variance of h in Definition 3.2\n\n");
    sb.append("The main text writes h ~ N(0, I_p/n); the derivation (Appendix A.29) has h̄ ~ N(0, I_p/p). For "
        + "isotropic features (Λ = I) with this run's p, n, σ and ‖θ̄‖ = 1, the test loss of min-norm interpolation "
        + "is σ² + ‖θ̄‖²(1 − 1/κ) + σ²/(κ − 1) (Hastie, Montanari, Rosset, Tibshirani 2019):\n\n");
    sb.append("| quantity | test loss |\n|---|---|\n");
    sb.append("| HMRT closed form | ").append(f(iso.closedForm())).append(" |\n");
    sb.append("| Definition 3.2 with h ~ N(0, I_p/p) | ").append(f(iso.perP())).append(" |\n");
    sb.append("| Definition 3.2 with h ~ N(0, I_p/n) | ").append(f(iso.perN())).append(" |\n");
    if (iso.empirical() != null) {
      sb.append("| min-norm solution, λ = 1, ").append(c.trials()).append(" trials | ").append(f(iso.empirical().mean()))
          .append(" ± ").append(f(iso.empirical().standardError())).append(" |\n");
    }
    sb.append("\nOnly N(0, I_p/p) reproduces the closed form; it is the one implemented (`HNormalisation.PER_P`).\n\n");

    sb.append("## The paper's claims, checked on this run\n\n| claim | holds (empirical) | holds (analytic) |\n|---|---|---|\n");
    for (Figure1Claims.Claim cl : Figure1Claims.evaluate(r)) {
      sb.append("| ").append(cl.statement()).append(" | ").append(cl.holdsEmpirical()).append("/").append(cl.points())
          .append(" | ").append(cl.holdsAnalytic()).append("/").append(cl.points()).append(" |\n");
    }
    sb.append("\nFigure 1c, mean over the grid of |training NI of θ̂^Λ − test NI of θ̄| for the first s weights "
        + "(smaller: training importance closer to true importance):\n\n| λ | mean distance |\n|---|---|\n");
    Map<Double, Double> distance = Figure1Claims.importanceDistance(r);
    distance.forEach((l, d) -> sb.append("| ").append(LambdaProfile.format(l)).append(" | ").append(f(d)).append(" |\n"));
    double closest = distance.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    sb.append("\nClosest match on this run: λ = ").append(LambdaProfile.format(closest)).append(".\n\n");
    sb.append("Every claim with its verdict and numbers: [`claims.csv`](claims.csv) (collected in the reports "
        + "index).\n\n");

    sb.append("## Files\n\n");
    sb.append("- `fig1a.csv` (λ ≥ 1), `fig1b.csv` (λ ≤ 1): `").append(String.join(",", PRUNING_HEADER)).append("` — "
        + "s = weights kept, sparsity = s/p, method MP or HP, analytic = Definition 3.2 Monte-Carlo mean and se, "
        + "empirical = mean and se over trials of the min-norm test loss.\n");
    sb.append("- `fig1c.csv`: `").append(String.join(",", IMPORTANCE_HEADER)).append("` — NI of the first s weights: "
        + "test NI of θ̄ (population loss, exact) and training NI of θ̂^Λ (training loss, mean and se over trials).\n");
    sb.append("- `summary.csv`: `").append(String.join(",", SUMMARY_HEADER)).append("`.\n\n");
    sb.append("## Another configuration\n\n`prunebench linear --help` lists every parameter, e.g.\n\n```\n"
        + "java -jar target/prunebench.jar linear --p 500 --kappa 2 --sigma 0.5 --theta exponential "
        + "--fraction 0.2 --lambdas 0.2,1,10 --trials 10 --backend reference --out reports/linear-alt\n```\n");
    return sb.toString();
  }
}
