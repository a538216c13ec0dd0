package dev.prunebench.accuracy;

import java.math.BigDecimal;

/**
 * The spectral norm {@code ‖A‖₂ = σ_max(A)} of a {@link BigDecimal} matrix whose entries may lie
 * outside the double range: A is shifted by a power of ten so that its largest entry is of order 1
 * (exact), rounded to double (relative error ε per entry, so ε·√(np) at most on the norm), and
 * power iteration on AᵀA runs until the estimate, which increases monotonically to σ_max, changes by
 * less than ε relatively (at most 2000 steps; a relative gap g between σ_1 and σ_2 needs about
 * 18/g steps).
 */
final class Norm2 {
  private Norm2() {}

  static BigDecimal of(BigDecimal[][] a) {
    int n = a.length;
    int p = a[0].length;
    BigDecimal max = BigDecimal.ZERO;
    for (BigDecimal[] row : a) {
      for (BigDecimal v : row) {
        max = max.max(v.abs());
      }
    }
    if (max.signum() == 0) {
      return BigDecimal.ZERO;
    }
    int shift = max.precision() - max.scale() - 1; // decimal exponent of max
    double[][] d = new double[n][p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        d[i][j] = a[i][j].scaleByPowerOfTen(-shift).doubleValue();
      }
    }
    double[] v = new double[p];
    for (int j = 0; j < p; j++) {
      v[j] = 1 + 0.37 * Math.sin(j + 1.0); // deterministic, not orthogonal to any fixed direction
    }
    double sigma = 0;
    for (int it = 0; it < 2000; it++) {
      double vn = norm(v);
      double[] u = new double[n];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          s += d[i][j] * v[j] / vn;
        }
        u[i] = s;
      }
      double next = norm(u);
      double[] w = new double[p];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
          w[j] += d[i][j] * u[i];
        }
      }
      v = w;
      boolean done = next - sigma <= Math.ulp(1.0) * next;
      sigma = next;
      if (done || norm(v) == 0) {
        break;
      }
    }
    return new BigDecimal(sigma).scaleByPowerOfTen(shift);
  }

  private static double norm(double[] x) {
    double s = 0;
    for (double e : x) {
      s += e * e;
    }
    return Math.sqrt(s);
  }
}
