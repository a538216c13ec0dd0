package dev.prunebench.nn;

import static dev.prunebench.nn.PruningScope.GLOBAL;
import static dev.prunebench.nn.PruningScope.LAYERWISE;

import dev.prunebench.nn.NnJudged.AtRate;
import dev.prunebench.report.Claim.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The paper's claims about Figures 3 and 4 (Section 4, Appendix D) above the extremely sparse regime,
 * each judged at every learning rate and wherever the paper's sentence speaks: layer death at every
 * s/p with the functional rule of {@link NnPruningView}, "MP competitive only at λ = 1" at every λ, and
 * HP ≥ MP counted per (λ, s/p) cell. The sparse regime (s/p ≤ 0.2 %) is {@link NnSparseClaims}.
 */
final class NnPruningClaims {
  private NnPruningClaims() {}

  /** Accuracy difference within which two methods are "competitive" (one in 50 test digits). */
  static final double COMPETITIVE = 0.02;

  static final ImportanceKind MP = ImportanceKind.MAGNITUDE;
  static final ImportanceKind HP = ImportanceKind.HESSIAN;

  static List<NnJudged> judge(NnExperiment.Results r) {
    List<NnJudged> out = new ArrayList<>();
    Function<Double, String> div = lr -> NnJudged.pruningDiverged(r, lr);
    String pct = NnReport.pct(r.config().survivalFraction());
    out.add(NnJudged.perRate(r, "Fig. 3c", "HP's per-layer survival at " + pct + " is stable over λ while MP's is "
        + "volatile (Fig. 3c); rule: HP's spread (max − min over λ) smaller than MP's in both layers.", div, lr -> {
          List<PruningExperiment.Survival> mp = survival(r, lr, MP);
          List<PruningExperiment.Survival> hp = survival(r, lr, HP);
          double mpW = spread(mp, PruningExperiment.Survival::survivalW);
          double mpV = spread(mp, PruningExperiment.Survival::survivalV);
          double hpW = spread(hp, PruningExperiment.Survival::survivalW);
          double hpV = spread(hp, PruningExperiment.Survival::survivalV);
          return AtRate.of(hpW < mpW && hpV < mpV, String.format(Locale.ROOT, "spread of W survival: HP %.4f vs MP "
              + "%.4f; of V survival: HP %.4f vs MP %.4f.", hpW, mpW, hpV, mpV), "unexplained");
        }));
    out.add(NnJudged.perRate(r, "Fig. 3a/3c, Section 4 (layer death)", "MP kills a whole layer at extreme λ, HP "
        + "avoids layer death (Section 4, Fig. 3a/3c); rule, at every s/p with the functional definition (a layer is "
        + "dead with fewer than K survivors or a retrained accuracy at chance, ≤ 1.5/K): MP has a dead layer at some "
        + "λ and HP at none; partly when HP also has dead cells, but fewer than MP.", div, lr -> {
          NnPruningView v = NnPruningView.of(r, lr);
          List<String> mpDead = dead(v, GLOBAL, MP);
          List<String> hpDead = dead(v, GLOBAL, HP);
          Verdict verdict = !mpDead.isEmpty() && hpDead.isEmpty() ? Verdict.HOLDS
              : mpDead.size() > hpDead.size() ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
          return new AtRate(verdict, "dead cells of " + v.at(GLOBAL, MP).size() + ": MP " + mpDead.size() + " ("
              + String.join(", ", mpDead) + "), HP " + hpDead.size() + " (" + String.join(", ", hpDead) + ").",
              verdict == Verdict.HOLDS ? "" : (hpDead.isEmpty() ? "" : "HP's dead cells are at s/p ∈ "
                  + v.at(GLOBAL, HP).stream().filter(x -> v.deadLayer(x) != null).map(PruningExperiment.Row::fraction)
                  .distinct().toList() + ". ") + NnSparseClaims.overPruneWhy(r, lr));
        }));
    out.add(NnJudged.perRate(r, "Appendix D, Fig. 4d/4f", "Layer-wise MP avoids layer death (Appendix D, Fig. 4d/4f); "
        + "rule: no functionally dead layer at any (λ, s/p).", div, lr -> {
          NnPruningView v = NnPruningView.of(r, lr);
          List<String> dead = dead(v, LAYERWISE, MP);
          long vSize = (long) r.classes() * r.config().width();
          long wSize = (long) r.dimension() * r.config().width();
          return AtRate.of(dead.isEmpty(), "layer-wise MP dead cells: " + (dead.isEmpty() ? "none"
              : String.join(", ", dead)) + ".", String.format(Locale.ROOT, "Layer-wise pruning keeps s/p of each "
              + "layer: V has K·m = %d weights and W d·m = %d, so below s/p = 1/m = %.3g it keeps fewer than K of V, "
              + "below K/(d·m) = %.3g fewer than K of W; dead cells at higher s/p are retrained to chance.",
              vSize, wSize, 1.0 / r.config().width(), (double) r.classes() / wSize));
        }));
    out.add(NnJudged.perRate(r, "Appendix D, Fig. 4c", "At 1 % standard HP keeps about half of the output layer "
        + "(Appendix D, Fig. 4c); rule: V survival in [0.25, 0.75] at λ = 1 (or the λ closest to 1).", div, lr -> {
          double mid = NnShard.hessianCheckUnit(r.config()).lambda();
          PruningExperiment.Survival s = survival(r, lr, HP).stream().filter(x -> x.lambda() == mid).findFirst()
              .orElseThrow();
          return AtRate.of(s.survivalV() >= 0.25 && s.survivalV() <= 0.75, String.format(Locale.ROOT, "global HP at "
              + "λ=%s keeps %.1f %% of V and %.2f %% of W (at s/p = %s).", mid, 100 * s.survivalV(),
              100 * s.survivalW(), pct), "unexplained");
        }));
    out.add(NnJudged.perRate(r, "Fig. 3a/3b", "HP's test accuracy is more stable over λ than MP's (Fig. 3a/3b); rule: "
        + "mean over s/p of the accuracy spread over λ is smaller for HP.", div, lr -> {
          NnPruningView v = NnPruningView.of(r, lr);
          double mp = 0;
          double hp = 0;
          for (double f : r.config().keepFractions()) {
            mp += spreadOverLambda(v, MP, f) / r.config().keepFractions().size();
            hp += spreadOverLambda(v, HP, f) / r.config().keepFractions().size();
          }
          return AtRate.of(hp < mp, String.format(Locale.ROOT, "%s: mean spread of test accuracy over λ: HP %.3f, "
              + "MP %.3f.", v.which(), hp, mp), "unexplained");
        }));
    out.add(NnJudged.perRate(r, "Section 4, Fig. 3a/3b", "MP is competitive with HP only at λ = 1 (Section 4); rule, "
        + "at every λ: MP is competitive when its mean accuracy over s/p is at most " + COMPETITIVE + " below HP's; "
        + "holds when that is so at λ = 1 and at no other λ, partly when also at some other λ.", div, lr -> {
          NnPruningView v = NnPruningView.of(r, lr);
          List<String> per = new ArrayList<>();
          List<Double> competitive = new ArrayList<>();
          for (double lam : r.config().lambdas()) {
            double d = v.meanOverFractions(GLOBAL, HP, lam, v::acc) - v.meanOverFractions(GLOBAL, MP, lam, v::acc);
            per.add(String.format(Locale.ROOT, "λ=%s: %+.3f", lam, d));
            if (d <= COMPETITIVE) {
              competitive.add(lam);
            }
          }
          boolean at1 = competitive.contains(1.0);
          Verdict verdict = at1 && competitive.size() == 1 ? Verdict.HOLDS : at1 ? Verdict.PARTLY
              : Verdict.DOES_NOT_HOLD;
          List<Double> others = competitive.stream().filter(l -> l != 1.0).toList();
          return new AtRate(verdict, v.which() + ", mean accuracy HP − MP per λ: " + String.join(", ", per)
              + "; competitive at λ ∈ " + competitive + ".", verdict == Verdict.HOLDS ? ""
              : competitiveWhy(r, lr, others));
        }));
    out.add(NnJudged.perRate(r, "Section 4, Fig. 3a/3b", "HP is at least as accurate as MP away from λ = 1 (Section 4); "
        + "rule: counted per (λ ≠ 1, s/p) cell, right after pruning and after retraining, HP ≥ MP; holds in every "
        + "cell, partly in some.", div, lr -> {
          NnPruningView v = NnPruningView.of(r, lr);
          int[] pruned = new int[2];
          int[] retrained = new int[2];
          List<String> fails = new ArrayList<>();
          int mpAlive = 0;
          for (PruningExperiment.Row hp : v.at(GLOBAL, HP)) {
            if (hp.lambda() == 1.0) {
              continue;
            }
            PruningExperiment.Row mp = v.cell(GLOBAL, MP, hp.lambda(), hp.fraction());
            pruned[1]++;
            pruned[0] += hp.accuracyPruned() >= mp.accuracyPruned() ? 1 : 0;
            if (v.retrained()) {
              retrained[1]++;
              boolean ok = hp.accuracyRetrained() >= mp.accuracyRetrained();
              retrained[0] += ok ? 1 : 0;
              if (!ok) {
                fails.add("λ=" + hp.lambda() + " s/p=" + hp.fraction());
                mpAlive += v.deadLayer(mp) == null ? 1 : 0;
              }
            }
          }
          int holds = pruned[0] + retrained[0];
          Verdict verdict = NnJudged.ofCount(holds, pruned[1] + retrained[1]);
          return new AtRate(verdict, String.format(Locale.ROOT, "HP ≥ MP in %d of %d cells right after pruning and "
              + "%d of %d after retraining; retrained failures: %s.", pruned[0], pruned[1], retrained[0], retrained[1],
              fails.isEmpty() ? "none" : String.join(", ", fails)), verdict == Verdict.HOLDS ? ""
              : fails.isEmpty() ? "unexplained (the failures are right after pruning)" : String.format(Locale.ROOT,
                  "In %d of the %d retrained cells where MP beats HP, MP's mask keeps at least K weights in both "
                  + "layers (no layer death): HP's advantage is avoiding layer death, and where MP keeps both "
                  + "layers alive it does as well or better.",
                  mpAlive, fails.size()));
        }));
    out.add(NnJudged.perRate(r, "Appendix D, Fig. 4d", "Layer-wise MP is worse than standard MP at λ = 1 (Appendix D); "
        + "rule: mean accuracy over s/p lower.", div, lr -> {
          NnPruningView v = NnPruningView.of(r, lr);
          double lw = v.meanOverFractions(LAYERWISE, MP, 1.0, v::acc);
          double st = v.meanOverFractions(GLOBAL, MP, 1.0, v::acc);
          return AtRate.of(lw < st, String.format(Locale.ROOT, "%s, mean accuracy at λ=1: layer-wise MP %.3f, "
              + "standard MP %.3f.", v.which(), lw, st), "unexplained");
        }));
    out.addAll(NnSparseClaims.judge(r));
    return out;
  }

  /** Why MP is competitive at other λ than 1: its mask keeps both layers alive there. */
  private static String competitiveWhy(NnExperiment.Results r, double lr, List<Double> others) {
    if (others.isEmpty()) {
      return "MP is not competitive at λ = 1 itself; unexplained.";
    }
    StringBuilder sb = new StringBuilder("MP is also competitive at λ ∈ " + others + ": there its mask at "
        + NnReport.pct(r.config().survivalFraction()) + " keeps ");
    for (double lam : others) {
      survival(r, lr, MP).stream().filter(s -> s.lambda() == lam).findFirst().ifPresent(s -> sb.append(
          String.format(Locale.ROOT, "W %.4f, V %.4f at λ=%s; ", s.survivalW(), s.survivalV(), lam)));
    }
    return sb.append("near λ = 1 the two layers' magnitudes stay comparable, so MP kills neither.").toString();
  }

  static List<PruningExperiment.Survival> survival(NnExperiment.Results r, double lr, ImportanceKind kind) {
    return r.pruning().survival().stream().filter(s -> s.learningRate() == lr && s.scope() == GLOBAL
        && s.kind() == kind).toList();
  }

  private static List<String> dead(NnPruningView v, PruningScope scope, ImportanceKind kind) {
    return v.at(scope, kind).stream().filter(x -> v.deadLayer(x) != null).map(v::describeDeath).toList();
  }

  private static double spread(List<PruningExperiment.Survival> s,
      java.util.function.ToDoubleFunction<PruningExperiment.Survival> f) {
    return s.stream().mapToDouble(f).max().orElse(Double.NaN) - s.stream().mapToDouble(f).min().orElse(Double.NaN);
  }

  private static double spreadOverLambda(NnPruningView v, ImportanceKind kind, double fraction) {
    double[] a = v.at(GLOBAL, kind).stream().filter(x -> x.fraction() == fraction).mapToDouble(v::acc).toArray();
    return java.util.Arrays.stream(a).max().orElse(0) - java.util.Arrays.stream(a).min().orElse(0);
  }
}
