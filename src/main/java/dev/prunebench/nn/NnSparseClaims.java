package dev.prunebench.nn;

import static dev.prunebench.nn.NnPruningClaims.HP;
import static dev.prunebench.nn.PruningScope.GLOBAL;
import static dev.prunebench.nn.PruningScope.LAYERWISE;

import dev.prunebench.nn.NnJudged.AtRate;
import dev.prunebench.report.Claim.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Appendix D's comparison of standard (global) and layer-wise HP, on both sides of the extremely sparse
 * regime the paper names, s/p ≤ 0.2 %: above it standard HP is at least as accurate; at or below it
 * layer-wise HP "has a slight edge", both reach "lackluster accuracy (~40 %)", and standard HP
 * "over-prunes the input layer".
 */
final class NnSparseClaims {
  private NnSparseClaims() {}

  /** The paper's extremely sparse regime: s/p ≤ 0.2 %. */
  static final double SPARSE = 0.002;

  /** Tolerance of "at least as accurate": 0.005, ten test digits of 2,000. */
  static final double TIE = 0.005;

  static List<NnJudged> judge(NnExperiment.Results r) {
    List<NnJudged> out = new ArrayList<>();
    Function<Double, String> div = lr -> NnJudged.pruningDiverged(r, lr);
    List<Double> dense = r.config().keepFractions().stream().filter(f -> f > SPARSE).toList();
    List<Double> sparse = r.config().keepFractions().stream().filter(f -> f <= SPARSE).toList();
    if (!dense.isEmpty()) {
      out.add(NnJudged.perRate(r, "Appendix D, Fig. 4e", "Standard HP is at least as accurate as layer-wise HP outside "
          + "the extremely sparse regime (s/p > 0.2 %, Appendix D); rule: mean over λ of standard ≥ layer-wise − "
          + TIE + " at every s/p > 0.2 %.", div, lr -> compare(r, lr, dense, true)));
    }
    if (sparse.isEmpty()) {
      return out;
    }
    out.add(NnJudged.perRate(r, "Appendix D, Fig. 4b/4e", "In the extremely sparse regime (s/p ≤ 0.2 %) layer-wise HP "
        + "has a slight edge over standard HP (Appendix D); rule: mean over λ of layer-wise ≥ standard − " + TIE
        + " at every s/p ≤ 0.2 %.", div, lr -> compare(r, lr, sparse, false)));
    out.add(NnJudged.perRate(r, "Appendix D", "In the extremely sparse regime both standard and layer-wise HP lead to "
        + "lackluster accuracy (~40 % on MNIST, Appendix D); rule: mean over λ of each in [0.25, 0.55] at every "
        + "s/p ≤ 0.2 %.", div, lr -> {
          NnPruningView v = NnPruningView.of(r, lr);
          int ok = 0;
          List<String> ev = new ArrayList<>();
          for (double f : sparse) {
            double g = v.meanOverLambda(GLOBAL, HP, f);
            double l = v.meanOverLambda(LAYERWISE, HP, f);
            ok += (g >= 0.25 && g <= 0.55 ? 1 : 0) + (l >= 0.25 && l <= 0.55 ? 1 : 0);
            ev.add(String.format(Locale.ROOT, "s/p=%s: standard %.3f, layer-wise %.3f", f, g, l));
          }
          Verdict verdict = NnJudged.ofCount(ok, 2 * sparse.size());
          return new AtRate(verdict, v.which() + ": " + String.join("; ", ev) + ".", verdict == Verdict.HOLDS ? ""
              : String.format(Locale.ROOT, "unexplained; at this size s/p = %s keeps p·s/p = %d weights.",
                  sparse.get(sparse.size() - 1), Math.round(r.parameters() * sparse.get(sparse.size() - 1))));
        }));
    out.add(NnJudged.perRate(r, "Appendix D, Fig. 4c", "Standard HP over-prunes the input layer in the extremely sparse "
        + "regime (Appendix D); rule: at every λ and s/p ≤ 0.2 %, standard HP keeps a smaller fraction of W than "
        + "s/p (the layer-wise share) and than of V.", div, lr -> {
          NnPruningView v = NnPruningView.of(r, lr);
          int ok = 0;
          List<String> fails = new ArrayList<>();
          for (PruningExperiment.Row x : v.at(GLOBAL, HP)) {
            if (x.fraction() > SPARSE) {
              continue;
            }
            if (x.survivalW() < x.fraction() && x.survivalW() < x.survivalV()) {
              ok++;
            } else {
              fails.add("λ=" + x.lambda() + " s/p=" + x.fraction());
            }
          }
          int total = ok + fails.size();
          Verdict verdict = NnJudged.ofCount(ok, total);
          return new AtRate(verdict, ok + " of " + total + " cells; W kept / s/p at the sparsest s/p: " + v.at(GLOBAL, HP)
              .stream().filter(x -> x.fraction() == sparse.get(sparse.size() - 1)).map(x -> String.format(Locale.ROOT,
                  "%.3g", x.survivalW() / x.fraction())).toList() + ".", verdict == Verdict.HOLDS ? ""
              : "Failing cells: " + String.join(", ", fails) + "; unexplained.");
        }));
    return out;
  }

  /** Standard vs layer-wise HP at the given s/p: standard ahead ({@code standardAhead}) or behind. */
  private static AtRate compare(NnExperiment.Results r, double lr, List<Double> fractions, boolean standardAhead) {
    NnPruningView v = NnPruningView.of(r, lr);
    int ok = 0;
    List<String> ev = new ArrayList<>();
    List<String> fails = new ArrayList<>();
    for (double f : fractions) {
      double g = v.meanOverLambda(GLOBAL, HP, f);
      double l = v.meanOverLambda(LAYERWISE, HP, f);
      boolean holds = standardAhead ? g >= l - TIE : l >= g - TIE;
      ok += holds ? 1 : 0;
      if (!holds) {
        fails.add("s/p=" + f);
      }
      ev.add(String.format(Locale.ROOT, "s/p=%s: %.3f vs %.3f", f, g, l));
    }
    Verdict verdict = NnJudged.ofCount(ok, fractions.size());
    return new AtRate(verdict, v.which() + ", standard vs layer-wise HP, mean over λ: " + String.join("; ", ev) + " ("
        + ok + " of " + fractions.size() + ").", verdict == Verdict.HOLDS ? "" : "Failing at " + String.join(", ",
        fails) + ". " + (standardAhead ? overPruneWhy(r, lr) : "unexplained."));
  }

  /**
   * Why standard HP loses the input layer when sparse: the per-weight Hessian importance of V exceeds W's,
   * so global ranking keeps V first.
   */
  static String overPruneWhy(NnExperiment.Results r, double lr) {
    LambdaSweep.Row mid = NnReport.rowsAt(r, lr).stream()
        .filter(x -> x.lambda() == NnShard.hessianCheckUnit(r.config()).lambda()).findFirst().orElse(null);
    if (mid == null) {
      return "unexplained";
    }
    double perW = mid.hessianFinal().w() / ((double) r.dimension() * r.config().width());
    double perV = mid.hessianFinal().v() / ((double) r.classes() * r.config().width());
    return String.format(Locale.ROOT, "Standard HP ranks all weights together and V's mean HI per weight is ×%.3g "
        + "W's (λ=%s, θ_final): the global top-s keeps V first, so at small s/p the input layer is left with few "
        + "weights (Appendix D's over-pruning).", perV / perW, mid.lambda());
  }
}
