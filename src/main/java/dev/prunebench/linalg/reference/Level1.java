package dev.prunebench.linalg.reference;

/**
 * The two BLAS level-1 loops the reference factorisations are built from, on raw arrays with offsets:
 * {@code dot} ({@code Σ xᵢyᵢ}, four independent add chains so the adds overlap) and {@code axpy}
 * ({@code y += αx}, a contiguous loop the JIT vectorises).
 */
final class Level1 {
  private Level1() {}

  /** {@code Σ_p x[xo+p]·y[yo+p]} with four accumulators (independent add chains). */
  static double dot(double[] x, int xo, double[] y, int yo, int len) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int p = 0;
    for (; p + 3 < len; p += 4) {
      s0 += x[xo + p] * y[yo + p];
      s1 += x[xo + p + 1] * y[yo + p + 1];
      s2 += x[xo + p + 2] * y[yo + p + 2];
      s3 += x[xo + p + 3] * y[yo + p + 3];
    }
    for (; p < len; p++) {
      s0 += x[xo + p] * y[yo + p];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code y[yo+p] += alpha·x[xo+p]} for p in [0, len). */
  static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int len) {
    for (int p = 0; p < len; p++) {
      y[yo + p] += alpha * x[xo + p];
    }
  }
}
