package dev.prunebench.linalg;

/**
 * A factorisation that needs full rank (Cholesky of the Gram matrix, QR/LQ) met a rank-deficient
 * or numerically singular X. The message says which factorisation failed and where; the remedy is
 * {@link LeastSquaresAlgorithm#SVD}.
 */
public class RankDeficientException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public RankDeficientException(String message) {
    super(message);
  }

  /**
   * The QR/LQ rank rule shared by every backend: X counts as rank-deficient when some diagonal entry
   * of the triangular factor has {@code |R_kk| ≤ ε · max(n, p) · max_j |R_jj|} (LAPACK's
   * rank-revealing criterion scaled like the default rcond, {@link LeastSquares#defaultRcond}).
   *
   * @param diagonal the triangular factor's diagonal, not modified
   * @param n rows of X
   * @param p columns of X
   * @param factorisation what was factored, for the message, e.g. {@code "QR factorisation of X (n >= p)"}
   * @throws RankDeficientException naming the first offending entry, its bound and the remedy
   */
  public static void requireFullRankTriangle(double[] diagonal, int n, int p, String factorisation) {
    double max = 0;
    for (double d : diagonal) {
      max = Math.max(max, Math.abs(d));
    }
    double tol = LeastSquares.defaultRcond(n, p) * max;
    for (int k = 0; k < diagonal.length; k++) {
      double d = Math.abs(diagonal[k]);
      if (!(d > tol)) {
        throw new RankDeficientException("QR: |R[" + k + "][" + k + "]| = " + d + " <= " + tol
            + " = eps * max(n, p) * max |R_jj| in the " + factorisation + " (X is " + n + "x" + p
            + "): X is rank-deficient or too ill-conditioned for QR, use SVD");
      }
    }
  }
}
