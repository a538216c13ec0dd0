package dev.prunebench.hessianbias;

import dev.prunebench.report.AtomicFiles;
import dev.prunebench.report.Charts;
import dev.prunebench.report.Csv;
import dev.prunebench.theory.PplsParameters;
import dev.prunebench.theory.Theorem43Bounds;
import dev.prunebench.theory.Theorem43Envelope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one sweep's CSV files and figures: {@code sweep-<init>.csv} (one row per ratio),
 * {@code trajectories-<init>.csv} (thinned per-iterate records of the trajectory ratios),
 * {@code ni-vs-ratio-<init>.png} (final NI of each group against ρ with the bound envelopes) and
 * {@code loss-vs-tau-<init>.png} (loss against τ with the linear rate) and {@code ni-vs-tau-<init>.png}
 * (the NI of group 2 along the trajectory against (4.6)), drawn by {@link HessianBiasCharts}; and the
 * n = 1 table {@code one-sample.csv}. The Markdown text comes from {@link HessianBiasMarkdown}.
 */
public final class HessianBiasReport {
  private HessianBiasReport() {}

  /** Most iterates kept per trajectory in the CSV (the first 50, then evenly spaced). */
  static final int TRAJECTORY_ROWS = 250;


  /** Writes the CSV files and PNG figures of {@code result} into {@code dir}; returns their names. */
  public static List<String> write(HessianBiasExperiment.Result result, Path dir) throws IOException {
    String tag = result.config().init().name().toLowerCase(java.util.Locale.ROOT);
    List<String> files = new ArrayList<>();
    String sweep = "sweep-" + tag + ".csv";
    Csv.write(dir.resolve(sweep), sweepHeader(), sweepRows(result));
    files.add(sweep);
    String traj = "trajectories-" + tag + ".csv";
    Csv.write(dir.resolve(traj), List.of("ratio", "tau", "loss_over_l0", "rate_bound", "ni1", "ni2", "nic1",
        "nic2", "ub46_1", "ub46_2", "lb47_1", "lb47_2"), trajectoryRows(result));
    files.add(traj);
    String niPng = "ni-vs-ratio-" + tag + ".png";
    Charts.savePng(HessianBiasCharts.niVsRatio(result), dir.resolve(niPng));
    files.add(niPng);
    String lossPng = "loss-vs-tau-" + tag + ".png";
    Charts.savePng(HessianBiasCharts.lossVsTau(result), dir.resolve(lossPng));
    files.add(lossPng);
    String niTauPng = "ni-vs-tau-" + tag + ".png";
    Charts.savePng(HessianBiasCharts.niVsTau(result), dir.resolve(niTauPng));
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

  static List<HessianBiasPoint> trajectoryPoints(HessianBiasExperiment.Result result) {
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

  /** Writes the n = 1 table {@code one-sample.csv} (Proposition B.2 at the limit, (B.20) both forms). */
  public static String writeOneSample(HessianBiasExperiment.Result result, Path dir) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    for (HessianBiasPoint pt : result.points()) {
      Theorem43Envelope e = pt.envelopes()[0];
      rows.add(List.of(pt.ratio(), e.kappaTilde(), pt.distanceSquared(0), e.distanceLower(), pt.groupNiShare(0),
          e.groupNiLower(), pt.complementNiShare(0), e.complementNiUpperN1(),
          Theorem43Bounds.complementNiUpperBoundB20AsPrinted(e.kappaTilde())));
    }
    String name = "one-sample.csv";
    Csv.write(dir.resolve(name), List.of("ratio", "kappa_tilde1", "dist1", "lbB18_1", "ni1", "lbB19_1", "nic1",
        "ubB20_corrected_1", "ubB20_printed_1"), rows);
    return name;
  }

  /** Writes {@code text} as {@code README.md} in {@code dir}. */
  public static void writeReadme(Path dir, String text) throws IOException {
    AtomicFiles.writeString(dir.resolve("README.md"), text);
  }
}
