package dev.prunebench.linalg;

import java.util.function.Function;

/**
 * Exact power-of-two scaling of a minimum-norm problem: {@code X̃ = D_r X D_c}, {@code ỹ = 2^t D_r y},
 * and back, {@code θ = 2^-t D_c φ} where {@code φ = X̃⁺ ỹ}. Every factor is a power of two, so scaling
 * and unscaling are exact (barring entries pushed out of the normal range).
 *
 * <p><b>Which side may be scaled.</b> Row scaling multiplies the equations, column scaling
 * re-parametrises the unknowns, and neither is free in general:
 * <ul>
 *   <li>Row scaling keeps the set of solutions of a consistent system ({@code D_r X θ = D_r y}
 *       has the same solutions), so it keeps the minimum-norm interpolant when X has full row rank
 *       (n ≤ p). For n &gt; p the system is in general inconsistent, and {@code min ‖D_r (Xθ − y)‖} is a
 *       <em>weighted</em> least-squares problem with a different solution: rows are not scaled.
 *   <li>Column scaling maps solutions one to one ({@code θ = D_c φ}), so the unique least-squares
 *       solution of a full-column-rank X (n ≥ p) is kept; but it changes the norm being minimised
 *       ({@code ‖D_c⁻¹ θ‖} instead of {@code ‖θ‖}), so when n &lt; p (or X is column-rank deficient)
 *       it would return a different, not minimum-norm, interpolant: columns are not scaled.
 * </ul>
 * Hence n &lt; p: rows only; n &gt; p: columns only; n = p (square, full rank): both, rows first, as
 * LAPACK {@code dgeequ}. The refusal rules are then applied to X̃. Row scaling of X is the symmetric
 * diagonal scaling {@code D_r (X Xᵀ) D_r} of the Gram matrix of CHOLESKY (and column scaling that of
 * {@code XᵀX}), to unit-order diagonal: by van der Sluis' theorem within a factor m of the best
 * diagonal scaling of G.
 *
 * <p><b>When.</b> As {@code dlaqge}: a side is equilibrated only when the ratio of its smallest to
 * largest nonzero row (column) maximum is below {@link #THRESHOLD} = 0.1; otherwise only the global
 * {@link PowerOfTwoScaling} applies, so ordinary inputs are not even copied. Rows or columns that are
 * entirely zero are left alone (global factor).
 *
 * <p>Exponents: a scaled row or column has its largest |entry| in [1, 2), i.e.
 * {@code rowExp[i] = −getExponent(max_j |x_ij|)}.
 */
final class Scaling {
  /** LAPACK's {@code THRESH} in {@code dlaqge}: equilibrate only if the max ratio is below 0.1. */
  static final double THRESHOLD = 0.1;

  private final int[] rowExp;
  private final int[] colExp;
  private int rhsShift;

  private Scaling(int[] rowExp, int[] colExp) {
    this.rowExp = rowExp;
    this.colExp = colExp;
  }

  /** Only the global {@link PowerOfTwoScaling} factor {@code 2^g} on every entry (SVD, X⁺). */
  static Scaling global(double[] rowMax, int p) {
    int[] rows = new int[rowMax.length];
    java.util.Arrays.fill(rows, -PowerOfTwoScaling.exponentOfMax(max(rowMax)));
    return new Scaling(rows, new int[p]);
  }

  /**
   * Equilibration for CHOLESKY and QR, by shape (see the class comment).
   *
   * @param rowMax largest |entry| of each row of X
   * @param columnMax largest {@code |2^rowExp[i] x_ij|} of each column, for the chosen row exponents
   */
  static Scaling equilibrate(double[] rowMax, int n, int p, Function<int[], double[]> columnMax) {
    Scaling s = global(rowMax, p);
    if (n <= p && spread(rowMax)) {
      int fallback = s.rowExp[0];
      for (int i = 0; i < n; i++) {
        s.rowExp[i] = rowMax[i] == 0 ? fallback : -Math.getExponent(rowMax[i]);
      }
    }
    if (n >= p) {
      double[] colMax = columnMax.apply(s.rowExp);
      if (spread(colMax)) {
        for (int j = 0; j < p; j++) {
          // a column maximum already includes the row factor 2^rowExp[i]
          s.colExp[j] = colMax[j] == 0 ? 0 : -Math.getExponent(colMax[j]);
        }
      }
    }
    return s;
  }

  /** Whether the nonzero maxima span more than a factor 1/{@link #THRESHOLD}. */
  private static boolean spread(double[] maxima) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double v : maxima) {
      if (v > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return hi > 0 && lo < THRESHOLD * hi;
  }

  int[] rowExp() {
    return rowExp;
  }

  int[] colExp() {
    return colExp;
  }

  /**
   * Whether X̃ is X times one power of two (every row exponent equal, every column exponent equal):
   * only then is the minimum-norm solution of a <em>rank-deficient</em> X̃ that of X, rescaled. A
   * non-uniform D_c changes the norm minimised and a non-uniform D_r the weights of an inconsistent
   * system (the class comment), which full rank makes harmless and rank deficiency does not.
   */
  boolean isUniformOnX() {
    return allEqual(rowExp) && allEqual(colExp);
  }

  private static boolean allEqual(int[] e) {
    for (int v : e) {
      if (v != e[0]) {
        return false;
      }
    }
    return true;
  }

  boolean isIdentityOnX() {
    return isZero(rowExp) && isZero(colExp);
  }

  /**
   * Row exponents for y: {@code D_r} (so the equations keep their solutions) and a global
   * {@code 2^t} that brings the scaled y into {@code [2^-256, 2^256)} when it is outside.
   *
   * @param yRowMax largest |entry| of each row of y
   */
  int[] rhsExponents(double[] yRowMax) {
    double max = 0;
    for (int i = 0; i < yRowMax.length; i++) {
      max = Math.max(max, Math.scalb(yRowMax[i], rowExp[i]));
    }
    rhsShift = -PowerOfTwoScaling.exponentOfMax(max);
    int[] e = new int[yRowMax.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = rowExp[i] + rhsShift;
    }
    return e;
  }

  /** {@code θ_j = 2^(colExp[j] − t) φ_j}; call after {@link #rhsExponents}. */
  int[] solutionExponents() {
    int[] e = new int[colExp.length];
    for (int j = 0; j < e.length; j++) {
      e[j] = colExp[j] - rhsShift;
    }
    return e;
  }

  static boolean isZero(int[] e) {
    for (int v : e) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  private static double max(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, v);
    }
    return m;
  }
}
