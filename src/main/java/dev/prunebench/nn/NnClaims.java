package dev.prunebench.nn;

import dev.prunebench.report.Claim;
import dev.prunebench.report.Claim.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The paper's qualitative claims about Figures 2–4 (Section 4 and Appendix D), each checked against
 * a run's numbers with an explicit rule. Figure-2 claims are checked at every learning rate of the
 * run; a claim "holds" only if it holds at all of them (the optimiser-sensitivity question).
 */
public final class NnClaims {
  private NnClaims() {}

  /** Evaluates every claim on {@code r}. */
  public static List<Claim> evaluate(NnExperiment.Results r) {
    List<Claim> out = new ArrayList<>();
    List<Double> lrs = r.config().learningRates();
    out.add(perLr(r, lrs, "Fig. 2a/2b: final MI curves lie on the initial ones", "Final MI ≈ initial MI for both layers (Fig. 2a/2b, 'near perfect match'); rule: "
        + "final/initial MI within [2/3, 3/2] for every λ and layer.", rows -> {
          double worst = 1;
          StringBuilder ev = new StringBuilder("final/initial MI (W; V) per λ: ");
          for (LambdaSweep.Row x : rows) {
            double rw = x.magnitudeFinal().w() / x.magnitudeInit().w();
            double rv = x.magnitudeFinal().v() / x.magnitudeInit().v();
            worst = Math.max(worst, Math.max(Math.max(rw, 1 / rw), Math.max(rv, 1 / rv)));
            ev.append(String.format(Locale.ROOT, "λ=%s: %.3g; %.3g. ", x.lambda(), rw, rv));
          }
          return new Partial(worst <= 1.5, ev.toString());
        }));
    out.add(perLr(r, lrs, "Lemma 4.1, eq. 4.2; Fig. 2a/2b", "Initial HI is the same for every λ (Lemma 4.1, eq. 4.2); rule: relative spread < 1e-9.",
        rows -> {
          double sw = relSpread(rows, x -> x.hessianInit().w());
          double sv = relSpread(rows, x -> x.hessianInit().v());
          return new Partial(sw < 1e-9 && sv < 1e-9, String.format(Locale.ROOT,
              "relative spread over λ: W %.2g, V %.2g.", sw, sv));
        }));
    out.add(perLr(r, lrs, "Fig. 2a/2b", "Final HI increases with λ for both layers (Fig. 2a/2b); rule: strictly increasing in λ.",
        rows -> {
          boolean w = monotone(rows, x -> x.hessianFinal().w(), true);
          boolean v = monotone(rows, x -> x.hessianFinal().v(), true);
          return new Partial(w && v, "final HI W: " + series(rows, x -> x.hessianFinal().w()) + "; V: "
              + series(rows, x -> x.hessianFinal().v()) + ".");
        }));
    out.add(perLr(r, lrs, "Fig. 2a/2b, Section 4", "The ratio of final HI between input and output layer is approximately preserved over λ; "
        + "rule: max/min of HI_W/HI_V over λ ≤ 2.", rows -> {
          double[] ratio = rows.stream().mapToDouble(x -> x.hessianFinal().w() / x.hessianFinal().v()).toArray();
          double max = java.util.Arrays.stream(ratio).max().orElse(Double.NaN);
          double min = java.util.Arrays.stream(ratio).min().orElse(Double.NaN);
          return new Partial(max / min <= 2, "final HI_W/HI_V: " + series(rows,
              x -> x.hessianFinal().w() / x.hessianFinal().v()) + String.format(Locale.ROOT, " (max/min %.3g; at "
              + "init %.3g).", max / min, rows.get(0).hessianInit().w() / rows.get(0).hessianInit().v()));
        }));
    out.add(perLr(r, lrs, "Fig. 2a/2b, Theorem 4.3", "Input-layer NI (training loss, init-pruning) decreases in λ and output-layer NI increases "
        + "(Fig. 2a/2b, Theorem 4.3); rule: monotone over the λ grid.", rows -> {
          boolean w = monotone(rows, x -> x.naturalTrainLoss().w(), false);
          boolean v = monotone(rows, x -> x.naturalTrainLoss().v(), true);
          return new Partial(w && v, "NI_W: " + series(rows, x -> x.naturalTrainLoss().w()) + "; NI_V: "
              + series(rows, x -> x.naturalTrainLoss().v()) + ".");
        }));
    out.add(perLr(r, lrs, "Fig. 2c", "Test NI shows the same behaviour as training NI (Fig. 2c): input-layer NI decreases and "
        + "output-layer NI increases in λ, for test error and test loss; rule: monotone over the λ grid. (The paper's "
        + "next sentence, 'for large λ, input layer is responsible for most of the test accuracy', states the "
        + "opposite trend; it is reported here as the NI values at the ends of the grid.)", rows -> {
          boolean ok = monotone(rows, x -> x.naturalTestError().w(), false)
              && monotone(rows, x -> x.naturalTestError().v(), true)
              && monotone(rows, x -> x.naturalTestLoss().w(), false)
              && monotone(rows, x -> x.naturalTestLoss().v(), true);
          LambdaSweep.Row lo = rows.get(0);
          LambdaSweep.Row hi = rows.get(rows.size() - 1);
          return new Partial(ok, "test-error NI_W: " + series(rows, x -> x.naturalTestError().w()) + "; NI_V: "
              + series(rows, x -> x.naturalTestError().v()) + "; test-loss NI_W: "
              + series(rows, x -> x.naturalTestLoss().w()) + "; NI_V: " + series(rows, x -> x.naturalTestLoss().v())
              + String.format(Locale.ROOT, ". Layer carrying the test accuracy (larger test-error NI): %s at λ=%s, "
              + "%s at λ=%s.", lo.naturalTestError().w() > lo.naturalTestError().v() ? "W" : "V", lo.lambda(),
              hi.naturalTestError().w() > hi.naturalTestError().v() ? "W" : "V", hi.lambda()));
        }));
    List<Claim> pruning = new ArrayList<>();
    survivalClaims(r, pruning);
    accuracyClaims(r, pruning);
    String diverged = divergedPruning(r);
    for (Claim c : pruning) {
      out.add(diverged == null ? c : notJudged(c, diverged));
    }
    return out;
  }

  /**
   * Why the Figure 3/4 claims cannot be judged — a network of the first learning rate diverged in the
   * sweep or in a lottery retraining — or null when every run is a result.
   */
  private static String divergedPruning(NnExperiment.Results r) {
    double lr = r.config().learningRates().get(0);
    List<String> lambdas = NnReport.rowsAt(r, lr).stream().filter(LambdaSweep.Row::diverged)
        .map(x -> "λ=" + x.lambda()).toList();
    long retrains = r.pruning().rows().stream().filter(PruningExperiment.Row::diverged).count();
    if (lambdas.isEmpty() && retrains == 0) {
      return null;
    }
    return "diverged: " + (lambdas.isEmpty() ? "" : "the η=" + lr + " network(s) at " + String.join(", ", lambdas)
        + "; ") + retrains + " pruning point(s) rest on a diverged training";
  }

  /** The claim with its verdict withdrawn: the numbers it needs are no result. */
  private static Claim notJudged(Claim c, String why) {
    return new Claim(c.claim(), c.paperEvidence(), "Not judged, " + why + ". (Rule on these numbers would give: "
        + c.verdict().text() + "; " + c.measurement() + ")", Verdict.NOT_JUDGED);
  }

  private static void survivalClaims(NnExperiment.Results r, List<Claim> out) {
    List<PruningExperiment.Survival> mp = survival(r, PruningScope.GLOBAL, ImportanceKind.MAGNITUDE);
    List<PruningExperiment.Survival> hp = survival(r, PruningScope.GLOBAL, ImportanceKind.HESSIAN);
    double mpW = spread(mp, PruningExperiment.Survival::survivalW);
    double mpV = spread(mp, PruningExperiment.Survival::survivalV);
    double hpW = spread(hp, PruningExperiment.Survival::survivalW);
    double hpV = spread(hp, PruningExperiment.Survival::survivalV);
    long mpDead = mp.stream().filter(PruningExperiment.Survival::layerDied).count();
    long hpDead = hp.stream().filter(PruningExperiment.Survival::layerDied).count();
    String pct = NnReport.pct(r.config().survivalFraction());
    boolean stable = hpW < mpW && hpV < mpV;
    out.add(claim("Fig. 3c", "HP's per-layer survival at " + pct + " is stable over λ while MP's is volatile (Fig. 3c); "
        + "rule: HP's spread (max − min over λ) smaller than MP's in both layers.", stable ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
        String.format(Locale.ROOT, "spread of W survival: HP %.4f vs MP %.4f; of V survival: HP %.4f vs MP %.4f "
            + "(ratio MP/HP: W %.2g, V %.2g).", hpW, mpW, hpV, mpV, mpW / hpW, mpV / hpV)));
    out.add(claim("Fig. 3a/3c", "MP kills a whole layer at extreme λ, HP does not (Fig. 3a/3c, layer death); rule: at s/p = "
        + pct + ", MP has a dead layer at some λ and HP at none.", mpDead > 0 && hpDead == 0 ? Verdict.HOLDS
            : mpDead > 0 || hpDead == 0 ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD,
        "λ with a dead layer at " + pct + ": MP " + deadList(mp) + ", HP " + deadList(hp) + ". At the other s/p "
            + "(global): MP " + deadRows(r, ImportanceKind.MAGNITUDE) + "; HP " + deadRows(r, ImportanceKind.HESSIAN)
            + "."));
    List<PruningExperiment.Survival> mpLw = survival(r, PruningScope.LAYERWISE, ImportanceKind.MAGNITUDE);
    long lwDead = mpLw.stream().filter(PruningExperiment.Survival::layerDied).count();
    out.add(claim("Appendix D, Fig. 4d/4f", "Layer-wise MP avoids layer death (Appendix D, Fig. 4d/4f); rule: no dead layer at any λ.",
        lwDead == 0 ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD, "layer-wise MP dead layers: " + deadList(mpLw) + "."));
    hp.stream().filter(s -> s.lambda() == 1.0).findFirst().ifPresent(s -> out.add(claim("Appendix D, Fig. 4c", 
        "At 1 % standard HP keeps about half of the output layer (Appendix D, Fig. 4c); rule: V survival in [0.25, 0.75] "
            + "at λ = 1.", s.survivalV() >= 0.25 && s.survivalV() <= 0.75 ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
        String.format(Locale.ROOT, "global HP at λ=1 keeps %.1f %% of V and %.2f %% of W (at s/p = %s).",
            100 * s.survivalV(), 100 * s.survivalW(), pct))));
  }

  private static void accuracyClaims(NnExperiment.Results r, List<Claim> out) {
    List<PruningExperiment.Row> rows = r.pruning().rows();
    boolean retrained = rows.stream().anyMatch(x -> !Double.isNaN(x.accuracyRetrained()));
    String which = retrained ? "after lottery retraining" : "right after pruning (retraining was skipped)";
    ToDoubleFunction<PruningExperiment.Row> acc = retrained ? PruningExperiment.Row::accuracyRetrained
        : PruningExperiment.Row::accuracyPruned;
    List<Double> fractions = r.config().keepFractions();
    double mpSpread = 0;
    double hpSpread = 0;
    for (double f : fractions) {
      mpSpread += spreadRows(rows, PruningScope.GLOBAL, ImportanceKind.MAGNITUDE, f, acc) / fractions.size();
      hpSpread += spreadRows(rows, PruningScope.GLOBAL, ImportanceKind.HESSIAN, f, acc) / fractions.size();
    }
    out.add(claim("Fig. 3a/3b", "HP's test accuracy is more stable over λ than MP's (Fig. 3a/3b), " + which + "; rule: mean "
        + "over s/p of the accuracy spread over λ is smaller for HP.", hpSpread < mpSpread ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
        String.format(Locale.ROOT, "mean spread of test accuracy over λ: HP %.3f, MP %.3f.", hpSpread, mpSpread)));
    double mpAt1 = mean(rows, PruningScope.GLOBAL, ImportanceKind.MAGNITUDE, 1.0, acc);
    double hpAt1 = mean(rows, PruningScope.GLOBAL, ImportanceKind.HESSIAN, 1.0, acc);
    double lwMpAt1 = mean(rows, PruningScope.LAYERWISE, ImportanceKind.MAGNITUDE, 1.0, acc);
    if (!Double.isNaN(mpAt1)) {
      List<Double> lambdas = r.config().lambdas();
      double lo = lambdas.get(0);
      double hi = lambdas.get(lambdas.size() - 1);
      double mpExt = (mean(rows, PruningScope.GLOBAL, ImportanceKind.MAGNITUDE, lo, acc)
          + mean(rows, PruningScope.GLOBAL, ImportanceKind.MAGNITUDE, hi, acc)) / 2;
      double hpExt = (mean(rows, PruningScope.GLOBAL, ImportanceKind.HESSIAN, lo, acc)
          + mean(rows, PruningScope.GLOBAL, ImportanceKind.HESSIAN, hi, acc)) / 2;
      out.add(claim("Section 4, Fig. 3a/3b", "MP is competitive with HP only at λ = 1 (Section 4), " + which + "; rule: mean accuracy over "
          + "s/p of MP within 0.02 of HP's at λ = 1 and more than 0.02 below it at the extreme λ.",
          Math.abs(mpAt1 - hpAt1) <= 0.02 && hpExt - mpExt > 0.02 ? Verdict.HOLDS
              : hpExt - mpExt > 0.02 ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD,
          String.format(Locale.ROOT, "mean accuracy at λ=1: MP %.3f, HP %.3f; at λ ∈ {%s, %s}: MP %.3f, HP %.3f.",
              mpAt1, hpAt1, lo, hi, mpExt, hpExt)));
      out.add(claim("Appendix D, Fig. 4d", "Layer-wise MP is worse than standard MP at λ = 1 (Appendix D), " + which + "; rule: mean "
          + "accuracy over s/p lower.", lwMpAt1 < mpAt1 ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
          String.format(Locale.ROOT, "mean accuracy at λ=1: layer-wise MP %.3f, standard MP %.3f.", lwMpAt1, mpAt1)));
    }
    int better = 0;
    int total = 0;
    StringBuilder ev = new StringBuilder();
    for (double f : fractions) {
      if (f <= 0.002) {
        continue;
      }
      double g = meanOverLambda(rows, PruningScope.GLOBAL, ImportanceKind.HESSIAN, f, acc);
      double l = meanOverLambda(rows, PruningScope.LAYERWISE, ImportanceKind.HESSIAN, f, acc);
      total++;
      if (g >= l - 0.005) {
        better++;
      }
      ev.append(String.format(Locale.ROOT, "s/p=%s: %.3f vs %.3f; ", f, g, l));
    }
    if (total > 0) {
      out.add(claim("Appendix D, Fig. 4e", "Standard HP is at least as accurate as layer-wise HP except in the extremely sparse regime "
          + "(s/p ≤ 0.2 %, Appendix D), " + which + "; rule: mean over λ of standard ≥ layer-wise − 0.005 at every s/p "
          + "> 0.2 %.", better == total ? Verdict.HOLDS : better > 0 ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD,
          "standard vs layer-wise HP, mean over λ: " + ev.toString().trim() + " (" + better + " of " + total + ")."));
    }
  }

  private record Partial(boolean holds, String evidence) {}

  /** A claim in the order the nn code builds it (statement, verdict, our numbers). */
  private static Claim claim(String paper, String statement, Verdict v, String measurement) {
    return new Claim(statement, paper, measurement, v);
  }

  private static Claim perLr(NnExperiment.Results r, List<Double> lrs, String paper, String statement,
      java.util.function.Function<List<LambdaSweep.Row>, Partial> check) {
    int holds = 0;
    StringBuilder ev = new StringBuilder();
    List<String> diverged = new ArrayList<>();
    for (double lr : lrs) {
      List<LambdaSweep.Row> rows = NnReport.rowsAt(r, lr);
      rows.stream().filter(LambdaSweep.Row::diverged).forEach(x -> diverged.add("η=" + lr + " λ=" + x.lambda()));
      Partial p = check.apply(rows);
      if (p.holds()) {
        holds++;
      }
      ev.append(lrs.size() > 1 ? String.format(Locale.ROOT, "[η=%s: %s] ", lr, p.holds() ? "holds" : "does not hold")
          : "").append(p.evidence()).append(' ');
    }
    Verdict v = holds == lrs.size() ? Verdict.HOLDS : holds > 0 ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
    Claim c = new Claim(statement, paper, ev.toString().trim(), v);
    return diverged.isEmpty() ? c : notJudged(c, "the training diverged at " + String.join(", ", diverged));
  }

  private static String series(List<LambdaSweep.Row> rows, ToDoubleFunction<LambdaSweep.Row> f) {
    StringBuilder sb = new StringBuilder();
    for (LambdaSweep.Row x : rows) {
      sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", f.applyAsDouble(x)));
    }
    return sb.toString();
  }

  private static boolean monotone(List<LambdaSweep.Row> rows, ToDoubleFunction<LambdaSweep.Row> f, boolean increasing) {
    for (int i = 1; i < rows.size(); i++) {
      double a = f.applyAsDouble(rows.get(i - 1));
      double b = f.applyAsDouble(rows.get(i));
      if (increasing ? !(b > a) : !(b < a)) {
        return false;
      }
    }
    return true;
  }

  private static double relSpread(List<LambdaSweep.Row> rows, ToDoubleFunction<LambdaSweep.Row> f) {
    double max = rows.stream().mapToDouble(f).max().orElse(Double.NaN);
    double min = rows.stream().mapToDouble(f).min().orElse(Double.NaN);
    return (max - min) / Math.abs(max);
  }

  private static List<PruningExperiment.Survival> survival(NnExperiment.Results r, PruningScope scope,
      ImportanceKind kind) {
    return r.pruning().survival().stream().filter(s -> s.scope() == scope && s.kind() == kind).toList();
  }

  private static double spread(List<PruningExperiment.Survival> s, ToDoubleFunction<PruningExperiment.Survival> f) {
    return s.stream().mapToDouble(f).max().orElse(Double.NaN) - s.stream().mapToDouble(f).min().orElse(Double.NaN);
  }

  private static String deadList(List<PruningExperiment.Survival> s) {
    List<String> dead = s.stream().filter(PruningExperiment.Survival::layerDied)
        .map(x -> String.format(Locale.ROOT, "λ=%s (%s)", x.lambda(), x.survivalW() == 0 ? "W" : "V")).toList();
    return dead.isEmpty() ? "none" : String.join(", ", dead);
  }

  private static String deadRows(NnExperiment.Results r, ImportanceKind kind) {
    List<String> dead = r.pruning().rows().stream()
        .filter(x -> x.scope() == PruningScope.GLOBAL && x.kind() == kind && (x.survivalW() == 0 || x.survivalV() == 0))
        .map(x -> String.format(Locale.ROOT, "%s dead at λ=%s, s/p=%s", x.survivalW() == 0 ? "W" : "V", x.lambda(),
            x.fraction())).toList();
    return dead.isEmpty() ? "no dead layer" : String.join(", ", dead);
  }

  private static double spreadRows(List<PruningExperiment.Row> rows, PruningScope scope, ImportanceKind kind,
      double fraction, ToDoubleFunction<PruningExperiment.Row> acc) {
    double[] a = rows.stream().filter(x -> x.scope() == scope && x.kind() == kind && x.fraction() == fraction)
        .mapToDouble(acc).toArray();
    return java.util.Arrays.stream(a).max().orElse(0) - java.util.Arrays.stream(a).min().orElse(0);
  }

  /** Mean accuracy over s/p at one λ. */
  private static double mean(List<PruningExperiment.Row> rows, PruningScope scope, ImportanceKind kind, double lambda,
      ToDoubleFunction<PruningExperiment.Row> acc) {
    return rows.stream().filter(x -> x.scope() == scope && x.kind() == kind && x.lambda() == lambda).mapToDouble(acc)
        .average().orElse(Double.NaN);
  }

  /** Mean accuracy over λ at one s/p. */
  private static double meanOverLambda(List<PruningExperiment.Row> rows, PruningScope scope, ImportanceKind kind,
      double fraction, ToDoubleFunction<PruningExperiment.Row> acc) {
    return rows.stream().filter(x -> x.scope() == scope && x.kind() == kind && x.fraction() == fraction)
        .mapToDouble(acc).average().orElse(Double.NaN);
  }
}
