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
}
