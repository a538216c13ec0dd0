package dev.prunebench.accuracy;

import dev.prunebench.linalg.LeastSquaresAlgorithm;

/** The kernels whose accuracy is measured apart from their speed. */
public enum AccuracyKernel {
  /** {@code X⁺} through the SVD. */
  PSEUDO_INVERSE(null),
  /** {@code θ = X⁺ y} by Cholesky of the Gram matrix. */
  MIN_NORM_CHOLESKY(LeastSquaresAlgorithm.CHOLESKY),
  /** {@code θ = X⁺ y} by QR / LQ. */
  MIN_NORM_QR(LeastSquaresAlgorithm.QR),
  /** {@code θ = X⁺ y} by the SVD. */
  MIN_NORM_SVD(LeastSquaresAlgorithm.SVD),
  /** {@code C = X · B} (GEMM). */
  GEMM(null),
  /** {@code (2/n) Σᵢ X_ij²}. */
  HESSIAN_DIAGONAL(null);

  /** The least-squares algorithm, for the min-norm kernels; null otherwise. */
  public final LeastSquaresAlgorithm algorithm;

  AccuracyKernel(LeastSquaresAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
