package dev.prunebench.theory;

/**
 * The root of an increasing function on a bracket {@code [lo, hi]} with {@code f(lo) ≤ 0 ≤ f(hi)},
 * by Newton's method safeguarded with bisection (Numerical Recipes' {@code rtsafe} idea). Every
 * iteration keeps a valid bracket and either takes a Newton step that lands strictly inside it or
 * bisects, so the bracket shrinks geometrically in the worst case: convergence is guaranteed, and
 * quadratic near a simple root.
 */
public final class BracketedRoot {
  private BracketedRoot() {}

  /** A function value and its derivative at one point. */
  public record Eval(double value, double slope) {}

  /** An increasing function together with its derivative. */
  @FunctionalInterface
  public interface IncreasingFunction {
    Eval at(double t);
  }

  /** The root and how it was found. */
  public record Root(double t, double value, int iterations) {}

  /** Iteration cap: bisection alone reaches any double-precision width within ~2100 halvings. */
  public static final int MAX_ITERATIONS = 4000;

  /**
   * Solves {@code f(t) = 0}.
   *
   * @param f increasing on the bracket
   * @param lo lower end, {@code f(lo) ≤ 0}
   * @param hi upper end, {@code f(hi) ≥ 0}, {@code hi ≥ lo}
   * @param absTol stop when the bracket is narrower than this (or f is exactly 0)
   * @throws IllegalArgumentException if the bracket is invalid or does not bracket a root
   */
  public static Root solve(IncreasingFunction f, double lo, double hi, double absTol) {
    if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("bracket: need finite lo ≤ hi, got [" + lo + ", " + hi + "]");
    }
    if (!(absTol > 0)) {
      throw new IllegalArgumentException("absTol must be positive, got " + absTol);
    }
    Eval flo = f.at(lo);
    Eval fhi = f.at(hi);
    if (flo.value() > 0 || fhi.value() < 0) {
      throw new IllegalArgumentException("bracket [" + lo + ", " + hi + "] does not bracket a root: f(lo) = "
          + flo.value() + ", f(hi) = " + fhi.value());
    }
    if (flo.value() == 0) {
      return new Root(lo, 0, 0);
    }
    if (fhi.value() == 0) {
      return new Root(hi, 0, 0);
    }
    double t = 0.5 * (lo + hi);
    Eval ft = f.at(t);
    for (int it = 1; it <= MAX_ITERATIONS; it++) {
      if (ft.value() == 0) {
        return new Root(t, 0, it);
      }
      if (ft.value() < 0) {
        lo = t;
      } else {
        hi = t;
      }
      if (hi - lo <= absTol) {
        return new Root(t, ft.value(), it);
      }
      double next = t - ft.value() / ft.slope();
      // Newton only when it stays strictly inside the bracket; otherwise bisect.
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi);
      }
      if (next == t) {
        return new Root(t, ft.value(), it);
      }
      t = next;
      ft = f.at(t);
    }
    return new Root(t, ft.value(), MAX_ITERATIONS);
  }
}
