package dev.prunebench.nn;

import static dev.prunebench.nn.NnCharts.dashed;
import static dev.prunebench.nn.NnCharts.dotted;
import static dev.prunebench.nn.NnCharts.solid;

import dev.prunebench.nn.NnCharts.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The PNG figures of the Section 4 report: 2a–c (both learning rates in each chart), and 3a–c, 4d–f
 * once per learning rate (the first learning rate keeps the paper's file names, the others add
 * {@code _eta<η>}); every retrained-accuracy caption states the retraining rule
 * ({@link NnConfig#retrainRule()}).
 */
final class NnFigures {
  private NnFigures() {}

  /** The file-name suffix of the Figure 3/4 charts at learning rate {@code lr}. */
  static String suffix(NnConfig c, double lr) {
    return lr == c.learningRates().get(0) ? "" : "_eta" + NnCharts.fmt(lr);
  }

  static void fig2(NnExperiment.Results r, Path dir) throws IOException {
    List<Double> lrs = r.config().learningRates();
    for (int layer = 0; layer < 2; layer++) {
      List<Line> lines = new ArrayList<>();
      final int l = layer;
      List<LambdaSweep.Row> first = NnReport.rowsAt(r, lrs.get(0));
      double[] lam = NnCharts.log2(first.stream().mapToDouble(LambdaSweep.Row::lambda).toArray());
      lines.add(new Line("MI init", lam, col(first, x -> NnReport.pick(x.magnitudeInit(), l)), NnNames.MI, dashed()));
      lines.add(new Line("HI init", lam, col(first, x -> NnReport.pick(x.hessianInit(), l)), NnNames.HI, dashed()));
      for (int i = 0; i < lrs.size(); i++) {
        List<LambdaSweep.Row> rows = NnReport.rowsAt(r, lrs.get(i));
        String tag = lrs.size() > 1 ? " (η=" + NnCharts.fmt(lrs.get(i)) + ")" : "";
        java.awt.BasicStroke s = i == 0 ? solid() : dotted();
        lines.add(new Line("MI final" + tag, lam, col(rows, x -> NnReport.pick(x.magnitudeFinal(), l)), NnNames.MI, s));
        lines.add(new Line("HI final" + tag, lam, col(rows, x -> NnReport.pick(x.hessianFinal(), l)), NnNames.HI, s));
        lines.add(new Line("NI train loss" + tag, lam, col(rows, x -> NnReport.pick(x.naturalTrainLoss(), l)),
            NnNames.NI, s));
      }
      String name = layer == 0 ? "fig2a_input_layer.png" : "fig2b_output_layer.png";
      String what = layer == 0 ? "input layer W" : "output layer V";
      NnCharts.save(dir.resolve(name), "Importance of the " + what + " (Fig. 2" + (layer == 0 ? "a" : "b") + ")",
          "log₂ λ", "importance (layer total)", false, true, lines);
    }
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < lrs.size(); i++) {
      List<LambdaSweep.Row> rows = NnReport.rowsAt(r, lrs.get(i));
      double[] lam = NnCharts.log2(rows.stream().mapToDouble(LambdaSweep.Row::lambda).toArray());
      String tag = lrs.size() > 1 ? " (η=" + NnCharts.fmt(lrs.get(i)) + ")" : "";
      java.awt.BasicStroke s = i == 0 ? solid() : dotted();
      lines.add(new Line("W, test error" + tag, lam, col(rows, x -> x.naturalTestError().w()), NnNames.W, s));
      lines.add(new Line("V, test error" + tag, lam, col(rows, x -> x.naturalTestError().v()), NnNames.V, s));
      lines.add(new Line("W, test loss" + tag, lam, col(rows, x -> x.naturalTestLoss().w()), NnNames.W_LIGHT, s));
      lines.add(new Line("V, test loss" + tag, lam, col(rows, x -> x.naturalTestLoss().v()), NnNames.V_LIGHT, s));
    }
    NnCharts.save(dir.resolve("fig2c_ni_test.png"), "NI by init-pruning one layer, w.r.t. test (Fig. 2c)", "log₂ λ",
        "NI (increase over θ_final)", false, true, lines);
  }

  /** Figures 3a–c and 4d–f for every learning rate. */
  static void fig34(NnExperiment.Results r, Path dir) throws IOException {
    for (double lr : r.config().learningRates()) {
      fig34(r, dir, lr);
    }
  }

  private static void fig34(NnExperiment.Results r, Path dir, double lr) throws IOException {
    NnConfig c = r.config();
    String sfx = suffix(c, lr);
    String eta = ", η=" + NnCharts.fmt(lr);
    List<PruningExperiment.Row> all = r.pruning().rows().stream().filter(x -> x.learningRate() == lr).toList();
    boolean retrained = all.stream().anyMatch(x -> !Double.isNaN(x.accuracyRetrained()));
    String rule = c.retrainCapped() ? ", retraining capped at " + c.retrainEpochs() + " epochs" : "";
    List<Double> lambdas = c.lambdas();
    String fractionAxis = "nonzero fraction s/p (points at " + String.join(", ",
        c.keepFractions().stream().map(NnCharts::fmt).toList()) + ")";
    String[][] names = {{"fig3a_mp_global", "fig3b_hp_global", "fig3c_survival_global", "fig3_pruned_only_global"},
        {"fig4d_mp_layerwise", "fig4e_hp_layerwise", "fig4f_survival_layerwise", "fig4_pruned_only_layerwise"}};
    for (PruningScope scope : PruningScope.values()) {
      String[] n = names[scope.ordinal()];
      String scopeName = scope == PruningScope.GLOBAL ? "global" : "layer-wise";
      for (ImportanceKind kind : ImportanceKind.values()) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < lambdas.size(); i++) {
          double lam = lambdas.get(i);
          List<PruningExperiment.Row> rows = all.stream()
              .filter(x -> x.scope() == scope && x.kind() == kind && x.lambda() == lam).toList();
          double[] f = rows.stream().mapToDouble(PruningExperiment.Row::fraction).toArray();
          double[] acc = rows.stream().mapToDouble(x -> retrained ? x.accuracyRetrained() : x.accuracyPruned())
              .toArray();
          lines.add(new Line("λ=" + NnCharts.fmt(lam), f, acc, NnCharts.lambdaColor(i, lambdas.size()), solid()));
        }
        String fig = scope == PruningScope.GLOBAL ? (kind == ImportanceKind.MAGNITUDE ? "3a" : "3b")
            : (kind == ImportanceKind.MAGNITUDE ? "4d" : "4e");
        NnCharts.save(dir.resolve((kind == ImportanceKind.MAGNITUDE ? n[0] : n[1]) + sfx + ".png"),
            kind.label() + ", " + scopeName + (retrained ? ", lottery-retrained" + rule : ", no retraining") + eta
                + " (Fig. " + fig + ")", fractionAxis, "test accuracy", true, false, lines);
      }
      List<Line> pruned = new ArrayList<>();
      for (ImportanceKind kind : ImportanceKind.values()) {
        for (int i = 0; i < lambdas.size(); i++) {
          double lam = lambdas.get(i);
          List<PruningExperiment.Row> rows = all.stream()
              .filter(x -> x.scope() == scope && x.kind() == kind && x.lambda() == lam).toList();
          pruned.add(new Line(kind.label() + " λ=" + NnCharts.fmt(lam),
              rows.stream().mapToDouble(PruningExperiment.Row::fraction).toArray(),
              rows.stream().mapToDouble(PruningExperiment.Row::accuracyPruned).toArray(),
              NnCharts.lambdaColor(i, lambdas.size()), kind == ImportanceKind.HESSIAN ? solid() : dotted()));
        }
      }
      NnCharts.save(dir.resolve(n[3] + sfx + ".png"), "Test accuracy right after " + scopeName
          + " pruning" + eta + " (HP solid, MP dotted)", fractionAxis, "test accuracy", true, false, pruned);
      List<Line> surv = new ArrayList<>();
      for (ImportanceKind kind : ImportanceKind.values()) {
        List<PruningExperiment.Survival> s = r.pruning().survival().stream()
            .filter(x -> x.learningRate() == lr && x.scope() == scope && x.kind() == kind).toList();
        double[] lam = NnCharts.log2(s.stream().mapToDouble(PruningExperiment.Survival::lambda).toArray());
        java.awt.BasicStroke st = kind == ImportanceKind.HESSIAN ? solid() : dotted();
        surv.add(new Line(kind.label() + " W (input)", lam,
            s.stream().mapToDouble(PruningExperiment.Survival::survivalW).toArray(), NnNames.W, st));
        surv.add(new Line(kind.label() + " V (output)", lam,
            s.stream().mapToDouble(PruningExperiment.Survival::survivalV).toArray(), NnNames.V, st));
      }
      NnCharts.save(dir.resolve(n[2] + sfx + ".png"), "Surviving fraction per layer at s/p = "
          + NnReport.pct(c.survivalFraction()) + ", " + scopeName + eta + " (Fig. "
          + (scope == PruningScope.GLOBAL ? "3c" : "4f") + ")", "log₂ λ",
          "fraction of the layer kept (0 = layer death, drawn at 1e-5)", false, true, 1e-5, surv);
    }
  }

  private static double[] col(List<LambdaSweep.Row> rows, ToDoubleFunction<LambdaSweep.Row> f) {
    return rows.stream().mapToDouble(f).toArray();
  }
}
