package dev.prunebench.linalg.openblas;

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

  /** {@code dgelsd}/{@code dgesdd}: info > 0 means the bidiagonal SVD did not converge. */
  static void requireSvdConverged(String routine, int info) {
    if (requireLegal(routine, info) > 0) {
      throw new ArithmeticException(routine + ": the SVD did not converge (" + info
          + " off-diagonal elements of the intermediate bidiagonal form did not converge to zero)");
    }
  }
}
