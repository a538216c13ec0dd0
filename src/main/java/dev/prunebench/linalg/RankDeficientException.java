package dev.prunebench.linalg;

import java.util.Locale;

/**
 * CHOLESKY or QR refused a problem it cannot solve to any accuracy: X is rank-deficient, or so
 * ill-conditioned that the algorithm's error bound reaches 100 %. The message names the algorithm,
 * the rule that fired and its numbers, and the remedy, {@link LeastSquaresAlgorithm#SVD}. The rules
 * and their constants are stated on {@link LeastSquaresAlgorithm}; the messages are built only here,
 * so they read the same on every backend.
 */
public class RankDeficientException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public RankDeficientException(String message) {
    super(message);
  }

  /** The Cholesky factorisation of the Gram matrix met a non-positive pivot. */
  static RankDeficientException notPositiveDefinite(String gram, int order, int n, int p) {
    return new RankDeficientException("CHOLESKY: the " + order + "x" + order + " Gram matrix " + gram
        + " of the equilibrated X (" + n + "x" + p + ") is not positive definite (the factorisation met a "
        + "non-positive pivot): X is rank-deficient or too ill-conditioned for CHOLESKY, use SVD");
  }

  /** The condition estimate is at or above the algorithm's limit. */
  static RankDeficientException illConditioned(LeastSquaresAlgorithm algorithm, String what, double estimate,
      String limitName, double tol, int n, int p) {
    return new RankDeficientException(String.format(Locale.ROOT,
        "%s: estimated condition number %s = %.3e of the equilibrated X (%dx%d) is at or above 1/%s = %.3e: "
            + "X is rank-deficient or too ill-conditioned for %s (no correct digit is guaranteed), use SVD",
        algorithm, what, estimate, n, p, limitName, 1 / tol, algorithm));
  }

  /**
   * An exactly zero diagonal entry of an unpivoted triangular factor: rank below {@code min(n, p)},
   * and without column pivoting the factor cannot say which directions to drop.
   */
  static RankDeficientException exactlySingular(int k, String factored, int n, int p) {
    return new RankDeficientException(String.format(Locale.ROOT,
        "QR: R[%d][%d] = 0 in the unpivoted QR of %s (X is %dx%d): X is rank-deficient and this backend has no "
            + "rank-revealing (column-pivoted) QR to finish it with, use SVD", k, k, factored, n, p));
  }
}
