package dev.prunebench.linalg.openblas;

import dev.prunebench.linalg.RankDeficientException;

/**
 * Turns LAPACKE {@code info} codes into exceptions that say what failed.
 *
 * <p>LAPACKE convention: {@code info = 0} success; {@code info = -i} the i-th argument was illegal
 * (a bug in the call, not in the data); {@code -1010} LAPACKE could not allocate its work space;
 * {@code info > 0} a routine-specific numerical failure, translated by the caller.
 */
final class LapackInfo {
  /** LAPACKE's {@code LAPACK_WORK_MEMORY_ERROR}. */
  private static final int WORK_MEMORY_ERROR = -1010;
  /** LAPACKE's {@code LAPACK_TRANSPOSE_MEMORY_ERROR} (row-major layouts transpose into scratch). */
  private static final int TRANSPOSE_MEMORY_ERROR = -1011;

  private LapackInfo() {}

  /** Throws for {@code info < 0}; returns {@code info} (0 or positive) otherwise. */
  static int requireLegal(String routine, int info) {
    if (info == WORK_MEMORY_ERROR || info == TRANSPOSE_MEMORY_ERROR) {
      throw new OutOfMemoryError(routine + ": LAPACKE could not allocate its native work space (info "
          + info + ")");
    }
    if (info < 0) {
      throw new IllegalStateException(routine + ": argument " + (-info)
          + " had an illegal value (info " + info + "); this is a bug in the OpenBLAS backend's call");
    }
    return info;
  }

  /** {@code dposv}/{@code dpotrf}: info = i > 0 means the leading minor of order i is not positive definite. */
  static void requirePositiveDefinite(int info) {
    if (requireLegal("LAPACKE_dposv", info) > 0) {
      throw new RankDeficientException("Gram matrix not positive definite (leading minor " + info
          + "): X is rank-deficient or too ill-conditioned for CHOLESKY, use SVD");
    }
  }

  /** {@code dgels}: info = i > 0 means the i-th diagonal entry of the triangular factor is exactly zero. */
  static void requireFullRankQr(int info, String factor) {
    if (requireLegal("LAPACKE_dgels", info) > 0) {
      throw new RankDeficientException("QR: diagonal entry " + info + " of the triangular factor " + factor
          + " is exactly zero: X is rank-deficient, use SVD");
    }
  }

  /** {@code dgelsd}/{@code dgesdd}: info > 0 means the bidiagonal SVD did not converge. */
  static void requireSvdConverged(String routine, int info) {
    if (requireLegal(routine, info) > 0) {
      throw new ArithmeticException(routine + ": the SVD did not converge (" + info
          + " off-diagonal elements of the intermediate bidiagonal form did not converge to zero)");
    }
  }
}
