package dev.prunebench.hessianbias;

import dev.prunebench.theory.PplsParameters;
import dev.prunebench.theory.Theorem43Bound;
import dev.prunebench.theory.Theorem43Bounds;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs every quantity recorded by {@link GradientDescent} with the bound that constrains it: the rate
 * and (4.5)–(4.7) at every iterate; (B.18), (B.19) and, for n = 1, the corrected (B.20) at the last
 * iterate (Proposition B.2 is about the limit θ*, so these are evaluated only when GD converged).
 * One list serves the tests (which add a rounding and convergence slack) and the report (which
 * reports the tightest margins).
 */
public final class HessianBiasChecks {
  private HessianBiasChecks() {}

  /**
   * One measured quantity against its bound. NI values and the rate are normalised by L(θ₀), the
   * distances are not.
   *
   * @param group the group i, or −1 for the rate (a property of the whole θ)
   */
  public record Check(Theorem43Bound bound, int group, int tau, double measured, double boundValue) {

    /** Signed margin, negative when violated. */
    public double margin() {
      return bound.margin(measured, boundValue);
    }

    /** Looseness factor ≥ 1 when held; NaN when vacuous (see {@link Theorem43Bound#looseness}). */
    public double looseness() {
      return bound.looseness(measured, boundValue);
    }
  }

  /** Every check of one run, in the order rate, (4.5), (4.6), (4.7) per iterate, then the converse. */
  public static List<Check> of(GradientDescentTrace trace, int samples) {
    PplsParameters ppls = trace.ppls();
    double mu = ppls.totalMu();
    double eta = trace.eta();
    double l0 = trace.loss0();
    int d = ppls.groups();
    List<Check> checks = new ArrayList<>();
    for (int tau = 0; tau <= trace.last(); tau++) {
      checks.add(new Check(Theorem43Bound.RATE, -1, tau, trace.loss()[tau] / l0,
          Theorem43Bounds.rateFactor(eta, mu, tau)));
      for (int i = 0; i < d; i++) {
        double kappa = ppls.kappa(i);
        checks.add(new Check(Theorem43Bound.EQ_4_5, i, tau, trace.distanceSquared()[i][tau],
            Theorem43Bounds.distanceUpperBound45(kappa, mu, l0)));
        checks.add(new Check(Theorem43Bound.EQ_4_6, i, tau, trace.groupNi()[i][tau] / l0,
            Theorem43Bounds.groupNiUpperBound46(kappa, eta, mu, tau)));
        checks.add(new Check(Theorem43Bound.EQ_4_7, i, tau, trace.complementNi()[i][tau] / l0,
            Theorem43Bounds.complementNiLowerBound47(kappa, eta, mu, tau)));
      }
    }
    if (trace.converged()) {
      int last = trace.last();
      for (int i = 0; i < d; i++) {
        double kt = ppls.kappaTilde(i);
        checks.add(new Check(Theorem43Bound.EQ_B18, i, last, trace.distanceSquared()[i][last],
            Theorem43Bounds.distanceLowerBoundB18(kt, ppls.totalSmoothness(), l0)));
        checks.add(new Check(Theorem43Bound.EQ_B19, i, last, trace.groupNi()[i][last] / l0,
            Theorem43Bounds.groupNiLowerBoundB19(kt)));
        if (samples == 1) {
          checks.add(new Check(Theorem43Bound.EQ_B20, i, last, trace.complementNi()[i][last] / l0,
              Theorem43Bounds.complementNiUpperBoundB20(kt)));
        }
      }
    }
    return checks;
  }
}
