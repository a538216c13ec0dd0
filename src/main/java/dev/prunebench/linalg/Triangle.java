package dev.prunebench.linalg;

/**
 * An upper-triangular n x n matrix T held in a heap array with arbitrary strides, as the factor of a
 * QR (T = R) or Cholesky ({@code G = Tᵀ T}) factorisation: entry (i, j), i ≤ j, is
 * {@code data[offset + i·rowStride + j·colStride]}. Row-major R has strides (ld, 1), column-major
 * (1, ld), and a lower factor L stored row-major is {@code T = Lᵀ} with strides (1, ld).
 *
 * <p>Gives the {@link ConditionEstimator} its solves (O(n²) each, in place) and the 1-norm; the
 * backends whose factors live on the heap share it, so the estimate is computed the same way on each.
 */
public final class Triangle implements ConditionEstimator.InverseOperator {
  private final double[] data;
  private final int n;
  private final int offset;
  private final int rowStride;
  private final int colStride;

  /** Views {@code data} (not copied, not modified). */
  public Triangle(double[] data, int n, int offset, int rowStride, int colStride) {
    this.data = data;
    this.n = n;
    this.offset = offset;
    this.rowStride = rowStride;
    this.colStride = colStride;
  }

  /** Upper triangle of a row-major array with leading dimension {@code ld}. */
  public static Triangle upperRowMajor(double[] data, int n, int ld) {
    return new Triangle(data, n, 0, ld, 1);
  }

  /** Upper triangle of a column-major array with leading dimension {@code ld}. */
  public static Triangle upperColumnMajor(double[] data, int n, int ld) {
    return new Triangle(data, n, 0, 1, ld);
  }

  /** {@code T = Lᵀ} for the lower triangle L of a row-major array with leading dimension {@code ld}. */
  public static Triangle transposeOfLowerRowMajor(double[] data, int n, int ld) {
    return new Triangle(data, n, 0, 1, ld);
  }

  private double t(int i, int j) {
    return data[offset + i * rowStride + j * colStride];
  }

  @Override
  public int order() {
    return n;
  }

  /** {@code |T_kk|}. */
  public double diagonalAbs(int k) {
    return Math.abs(t(k, k));
  }

  /** Rows 0…r−1 of T as a fresh r x n row-major array, zeros below the diagonal. */
  public double[] upperRows(int r) {
    double[] d = new double[r * n];
    for (int i = 0; i < r; i++) {
      for (int j = i; j < n; j++) {
        d[i * n + j] = t(i, j);
      }
    }
    return d;
  }

  /** {@code ‖T‖₁ = max_j Σ_{i≤j} |T_ij|}. */
  public double norm1() {
    double max = 0;
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i <= j; i++) {
        s += Math.abs(t(i, j));
      }
      max = Math.max(max, s);
    }
    return max;
  }

  /** {@code v ← T⁻¹ v}: back substitution. */
  @Override
  public void applyInverse(double[] v) {
    for (int i = n - 1; i >= 0; i--) {
      double s = v[i];
      for (int j = i + 1; j < n; j++) {
        s -= t(i, j) * v[j];
      }
      v[i] = s / t(i, i);
    }
  }

  /** {@code v ← T⁻ᵀ v}: forward substitution with Tᵀ. */
  @Override
  public void applyInverseTransposed(double[] v) {
    for (int j = 0; j < n; j++) {
      double s = v[j];
      for (int i = 0; i < j; i++) {
        s -= t(i, j) * v[i];
      }
      v[j] = s / t(j, j);
    }
  }

  /**
   * The Gram matrix {@code G = Tᵀ T} as an operator: {@code G⁻¹ = T⁻¹ T⁻ᵀ}, symmetric, so both
   * applications are the same two solves.
   */
  public static ConditionEstimator.InverseOperator gram(ConditionEstimator.InverseOperator t) {
    return new ConditionEstimator.InverseOperator() {
      @Override
      public int order() {
        return t.order();
      }

      @Override
      public void applyInverse(double[] v) {
        t.applyInverseTransposed(v);
        t.applyInverse(v);
      }

      @Override
      public void applyInverseTransposed(double[] v) {
        applyInverse(v);
      }
    };
  }
}
