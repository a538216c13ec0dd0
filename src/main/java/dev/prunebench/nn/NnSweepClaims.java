package dev.prunebench.nn;

import dev.prunebench.nn.NnJudged.AtRate;
import dev.prunebench.report.Claim.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The paper's claims about Figure 2 and Lemma 4.1 (Section 4), each judged at every learning rate.
 * A "why" accompanies every verdict other than "holds": a mechanism backed by a number of the run (the
 * relative weight change {@link WeightChange}, MI growth, the size of a non-monotone step in test
 * digits), or "unexplained".
 */
final class NnSweepClaims {
  private NnSweepClaims() {}

  /** Relative weight change below which a layer "did not deviate much" (the lazy regime): half its norm. */
  static final double SMALL_CHANGE = 0.5;

  static List<NnJudged> judge(NnExperiment.Results r) {
    List<NnJudged> out = new ArrayList<>();
    Function<Double, String> div = lr -> NnJudged.sweepDiverged(r, lr);
    out.add(NnJudged.perRate(r, "Fig. 2a/2b: final MI curves lie on the initial ones", "Final MI ≈ initial MI for "
        + "both layers (Fig. 2a/2b, 'near perfect match'); rule: final/initial MI within [2/3, 3/2] for every λ and "
        + "layer.", div, lr -> {
          List<LambdaSweep.Row> rows = NnReport.rowsAt(r, lr);
          double worst = 1;
          LambdaSweep.Row at = rows.get(0);
          StringBuilder ev = new StringBuilder("final/initial MI (W; V) per λ: ");
          for (LambdaSweep.Row x : rows) {
            double rw = x.magnitudeFinal().w() / x.magnitudeInit().w();
            double rv = x.magnitudeFinal().v() / x.magnitudeInit().v();
            double m = Math.max(Math.max(rw, 1 / rw), Math.max(rv, 1 / rv));
            if (m > worst) {
              worst = m;
              at = x;
            }
            ev.append(String.format(Locale.ROOT, "λ=%s: %.3g; %.3g. ", x.lambda(), rw, rv));
          }
          return AtRate.of(worst <= 1.5, ev.toString().trim(), String.format(Locale.ROOT, "The layer that starts "
              + "small moves by more than its own norm: at λ=%s, ‖ΔW‖/‖W_init‖ = %.3g and ‖ΔV‖/‖V_init‖ = %.3g, so "
              + "its MI (a squared norm) grows by up to ×(1 + change)²; the smaller layer must grow to fit the data.",
              at.lambda(), at.change().w(), at.change().v()));
        }));
    out.add(NnJudged.perRate(r, "Section 4 (lazy-training explanation of Fig. 2)", "Final weights (and Hessian) do "
        + "not deviate much from the initial ones (Section 4); rule: ‖θ_final − θ_init‖/‖θ_init‖ ≤ " + SMALL_CHANGE
        + " per layer and final/initial HI within [1/2, 2] per layer, at every λ; partly when some (λ, layer) cells "
        + "fail.", div, lr -> {
          List<LambdaSweep.Row> rows = NnReport.rowsAt(r, lr);
          int ok = 0;
          List<String> fail = new ArrayList<>();
          int hessianOnly = 0;
          for (LambdaSweep.Row x : rows) {
            for (int l = 0; l < 2; l++) {
              double ch = l == 0 ? x.change().w() : x.change().v();
              double h = NnReport.pick(x.hessianFinal(), l) / NnReport.pick(x.hessianInit(), l);
              if (ch <= SMALL_CHANGE && h >= 0.5 && h <= 2) {
                ok++;
              } else {
                hessianOnly += ch <= SMALL_CHANGE ? 1 : 0;
                fail.add(String.format(Locale.ROOT, "λ=%s %s (Δ %.3g, HI ×%.3g)", x.lambda(), l == 0 ? "W" : "V",
                    ch, h));
              }
            }
          }
          final int hOnly = hessianOnly;
          Verdict v = NnJudged.ofCount(ok, 2 * rows.size());
          return new AtRate(v, ok + " of " + 2 * rows.size() + " (λ, layer) cells within the rule; relative change "
              + "W: " + series(rows, x -> x.change().w()) + "; V: " + series(rows, x -> x.change().v()) + ".",
              v == Verdict.HOLDS ? "" : "Failing cells: " + String.join(", ", fail) + ". The weights that move "
              + "are the layer scaled down (W at small λ, V at large λ); in " + hOnly + " failing cell(s) the layer "
              + "itself stayed within the rule and only its HI changed: a layer's Hessian depends on the other "
              + "layer (the Gauss–Newton H_W is proportional to ‖V‖²), which moved.");
        }));
    out.add(NnJudged.perRate(r, "Lemma 4.1, eq. 4.2; Fig. 2a/2b", "Initial HI is the same for every λ (Lemma 4.1, "
        + "eq. 4.2); rule: relative spread < 1e-9.", div, lr -> {
          List<LambdaSweep.Row> rows = NnReport.rowsAt(r, lr);
          double sw = relSpread(rows, x -> x.hessianInit().w());
          double sv = relSpread(rows, x -> x.hessianInit().v());
          return AtRate.of(sw < 1e-9 && sv < 1e-9, String.format(Locale.ROOT, "relative spread over λ: W %.2g, V %.2g.",
              sw, sv), "unexplained");
        }));
    out.add(NnJudged.perRate(r, "Lemma 4.1, eq. 4.2 (MI) and eq. 4.3 (Hessian)", "At initialisation MI scales as "
        + "λ² (W) and λ⁻² (V), and the layer's Hessian as λ⁻² (W) and λ² (V) (Lemma 4.1, eq. 4.2 and 4.3; the "
        + "Hessian measured as the sum of its diagonal over the layer); rule: every ratio to the first λ within "
        + "1e-9 (relative) of the predicted power.", div, lr -> {
          List<LambdaSweep.Row> rows = NnReport.rowsAt(r, lr);
          LambdaSweep.Row base = rows.get(0);
          double worst = 0;
          for (LambdaSweep.Row x : rows) {
            double q = x.lambda() / base.lambda();
            worst = Math.max(worst, rel(x.magnitudeInit().w() / base.magnitudeInit().w(), q * q));
            worst = Math.max(worst, rel(x.magnitudeInit().v() / base.magnitudeInit().v(), 1 / (q * q)));
            worst = Math.max(worst, rel(x.hessianTraceInit().w() / base.hessianTraceInit().w(), 1 / (q * q)));
            worst = Math.max(worst, rel(x.hessianTraceInit().v() / base.hessianTraceInit().v(), q * q));
          }
          return AtRate.of(worst < 1e-9, String.format(Locale.ROOT, "largest relative deviation from λ^{±2}: %.2g; "
              + "Hessian-diagonal sums at init W: %s; V: %s.", worst, series(rows, x -> x.hessianTraceInit().w()),
              series(rows, x -> x.hessianTraceInit().v())), "unexplained");
        }));
    out.add(NnJudged.perRate(r, "Fig. 2a/2b", "Final HI increases with λ for both layers (Fig. 2a/2b); rule: strictly "
        + "increasing in λ.", div, lr -> {
          List<LambdaSweep.Row> rows = NnReport.rowsAt(r, lr);
          boolean w = monotone(rows, x -> x.hessianFinal().w(), true);
          boolean v = monotone(rows, x -> x.hessianFinal().v(), true);
          return AtRate.of(w && v, "final HI W: " + series(rows, x -> x.hessianFinal().w()) + "; V: "
              + series(rows, x -> x.hessianFinal().v()) + ".", "Non-increasing steps: " + breaks(rows)
              + ". Lemma 4.1 carries to θ_final only where the weights stay near θ_init; at these λ a layer moved "
              + "by " + maxChange(rows) + " of its initial norm.");
        }));
    out.add(NnJudged.perRate(r, "Fig. 2a/2b, Section 4", "The ratio of final HI between input and output layer is "
        + "approximately preserved over λ; rule: max/min of HI_W/HI_V over λ ≤ 2.", div, lr -> {
          List<LambdaSweep.Row> rows = NnReport.rowsAt(r, lr);
          double[] ratio = rows.stream().mapToDouble(x -> x.hessianFinal().w() / x.hessianFinal().v()).toArray();
          double max = java.util.Arrays.stream(ratio).max().orElse(Double.NaN);
          double min = java.util.Arrays.stream(ratio).min().orElse(Double.NaN);
          LambdaSweep.Row hi = rows.get(rows.size() - 1);
          return AtRate.of(max / min <= 2, "final HI_W/HI_V: " + series(rows,
              x -> x.hessianFinal().w() / x.hessianFinal().v()) + String.format(Locale.ROOT, " (max/min %.3g; at "
              + "init %.3g).", max / min, rows.get(0).hessianInit().w() / rows.get(0).hessianInit().v()),
              String.format(Locale.ROOT, "The Gauss–Newton Hessian of W is proportional to ‖V‖² (∂f/∂W = V·diag(σ')·x): "
                  + "at λ=%s, V's MI grew ×%.3g during training, so HI_W grows relative to HI_V with λ.", hi.lambda(),
                  hi.magnitudeFinal().v() / hi.magnitudeInit().v()));
        }));
    out.add(NnJudged.perRate(r, "Fig. 2a/2b, Theorem 4.3", "Input-layer NI (training loss, init-pruning) decreases in "
        + "λ and output-layer NI increases (Fig. 2a/2b, Theorem 4.3); rule: monotone over the λ grid.", div, lr -> {
          List<LambdaSweep.Row> rows = NnReport.rowsAt(r, lr);
          boolean w = monotone(rows, x -> x.naturalTrainLoss().w(), false);
          boolean v = monotone(rows, x -> x.naturalTrainLoss().v(), true);
          return AtRate.of(w && v, "NI_W: " + series(rows, x -> x.naturalTrainLoss().w()) + "; NI_V: "
              + series(rows, x -> x.naturalTrainLoss().v()) + ".", niWhy(rows, x -> x.naturalTrainLoss()));
        }));
    out.add(NnJudged.perRate(r, "Fig. 2c", "Test NI shows the same behaviour as training NI (Fig. 2c): input-layer NI "
        + "decreases and output-layer NI increases in λ, for test error and test loss; rule: monotone over the λ grid. "
        + "(The paper's next sentence, 'for large λ, input layer is responsible for most of the test accuracy', states "
        + "the opposite trend; it is reported here as the NI values at the ends of the grid.)", div, lr -> {
          List<LambdaSweep.Row> rows = NnReport.rowsAt(r, lr);
          boolean err = monotone(rows, x -> x.naturalTestError().w(), false)
              && monotone(rows, x -> x.naturalTestError().v(), true);
          boolean loss = monotone(rows, x -> x.naturalTestLoss().w(), false)
              && monotone(rows, x -> x.naturalTestLoss().v(), true);
          LambdaSweep.Row lo = rows.get(0);
          LambdaSweep.Row hi = rows.get(rows.size() - 1);
          String ev = "test-error NI_W: " + series(rows, x -> x.naturalTestError().w()) + "; NI_V: "
              + series(rows, x -> x.naturalTestError().v()) + "; test-loss NI_W: "
              + series(rows, x -> x.naturalTestLoss().w()) + "; NI_V: " + series(rows, x -> x.naturalTestLoss().v())
              + String.format(Locale.ROOT, ". Layer carrying the test accuracy (larger test-error NI): %s at λ=%s, "
              + "%s at λ=%s.", lo.naturalTestError().w() > lo.naturalTestError().v() ? "W" : "V", lo.lambda(),
              hi.naturalTestError().w() > hi.naturalTestError().v() ? "W" : "V", hi.lambda());
          String why = (err ? "" : "Test error: " + digitSteps(rows, r.config().testSize()) + " ")
              + (loss ? "" : "Test loss: " + niWhy(rows, LambdaSweep.Row::naturalTestLoss));
          return AtRate.of(err && loss, ev, why.trim());
        }));
    return out;
  }

  /** Why an NI series is not monotone: the rebound of NI_W at large λ follows V's growth, or "unexplained". */
  private static String niWhy(List<LambdaSweep.Row> rows, Function<LambdaSweep.Row, LayerTotals> ni) {
    List<String> steps = new ArrayList<>();
    double growth = 0;
    double lambda = Double.NaN;
    for (int i = 1; i < rows.size(); i++) {
      LambdaSweep.Row a = rows.get(i - 1);
      LambdaSweep.Row b = rows.get(i);
      if (!(ni.apply(b).w() < ni.apply(a).w())) {
        steps.add("NI_W λ=" + a.lambda() + "→" + b.lambda());
        double g = b.magnitudeFinal().v() / b.magnitudeInit().v();
        if (b.lambda() > 1 && g > growth) {
          growth = g;
          lambda = b.lambda();
        }
      }
      if (!(ni.apply(b).v() > ni.apply(a).v())) {
        steps.add("NI_V λ=" + a.lambda() + "→" + b.lambda());
      }
    }
    String where = "Non-monotone steps: " + String.join(", ", steps) + ".";
    if (growth > 10) {
      return where + String.format(Locale.ROOT, " Init-pruning W keeps V_final, whose MI grew ×%.3g over its "
          + "initialisation at λ=%s: the reset network's logits scale with ‖V_final‖, so its loss is large and "
          + "NI_W rebounds.", growth, lambda);
    }
    return where + " unexplained.";
  }

  /** The non-monotone steps of test-error NI, in test digits. */
  private static String digitSteps(List<LambdaSweep.Row> rows, int testSize) {
    List<String> steps = new ArrayList<>();
    long largest = 0;
    for (int i = 1; i < rows.size(); i++) {
      LambdaSweep.Row a = rows.get(i - 1);
      LambdaSweep.Row b = rows.get(i);
      if (!(b.naturalTestError().w() < a.naturalTestError().w())) {
        long d = Math.round((b.naturalTestError().w() - a.naturalTestError().w()) * testSize);
        largest = Math.max(largest, Math.abs(d));
        steps.add("NI_W λ=" + a.lambda() + "→" + b.lambda() + " by " + d + " digits");
      }
      if (!(b.naturalTestError().v() > a.naturalTestError().v())) {
        long d = Math.round((b.naturalTestError().v() - a.naturalTestError().v()) * testSize);
        largest = Math.max(largest, Math.abs(d));
        steps.add("NI_V λ=" + a.lambda() + "→" + b.lambda() + " by " + d + " digits");
      }
    }
    long noise = Math.round(Math.sqrt(testSize));
    return "non-monotone steps of " + String.join(", ", steps) + " (of " + testSize + " test digits)"
        + (largest <= noise ? ": every step is within the binomial noise of an error rate on " + testSize
        + " test digits (2·√(n/4) = " + noise + " digits), so the test set does not resolve the order." : "; unexplained.");
  }

  static String series(List<LambdaSweep.Row> rows, ToDoubleFunction<LambdaSweep.Row> f) {
    StringBuilder sb = new StringBuilder();
    for (LambdaSweep.Row x : rows) {
      sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", f.applyAsDouble(x)));
    }
    return sb.toString();
  }

  private static String breaks(List<LambdaSweep.Row> rows) {
    List<String> b = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      LambdaSweep.Row a = rows.get(i - 1);
      LambdaSweep.Row c = rows.get(i);
      if (!(c.hessianFinal().w() > a.hessianFinal().w())) {
        b.add("W λ=" + a.lambda() + "→" + c.lambda());
      }
      if (!(c.hessianFinal().v() > a.hessianFinal().v())) {
        b.add("V λ=" + a.lambda() + "→" + c.lambda());
      }
    }
    return String.join(", ", b);
  }

  private static String maxChange(List<LambdaSweep.Row> rows) {
    LambdaSweep.Row best = rows.get(0);
    for (LambdaSweep.Row x : rows) {
      if (Math.max(x.change().w(), x.change().v()) > Math.max(best.change().w(), best.change().v())) {
        best = x;
      }
    }
    return String.format(Locale.ROOT, "up to %.3g× (λ=%s, %s)", Math.max(best.change().w(), best.change().v()),
        best.lambda(), best.change().w() > best.change().v() ? "W" : "V");
  }

  static boolean monotone(List<LambdaSweep.Row> rows, ToDoubleFunction<LambdaSweep.Row> f, boolean increasing) {
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

  private static double rel(double got, double want) {
    return Math.abs(got - want) / Math.abs(want);
  }
}
