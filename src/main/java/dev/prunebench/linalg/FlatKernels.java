package dev.prunebench.linalg;

/**
 * The in-place and fused kernels of {@link InPlace} and {@link NetworkKernels} on flat
 * {@code double[]} storage, written once for every heap backend whose matrices are one array
 * (reference, EJML: row-major; ojAlgo: column-major) and for the copy-in/copy-out fallback of a
 * library that hides its storage. Entrywise kernels ignore the layout (all operands of one backend
 * share it); row-wise kernels take the {@link StorageOrder}.
 *
 * <p>Each kernel is one pass over its operands, allocates nothing, and evaluates exactly the
 * expressions the allocating kernels of {@link Elementwise} evaluate in sequence (same operations,
 * same order, no fused multiply-add), so a pipeline built from them gives the same bits.
 * No finiteness scan: data is validated where it enters ({@link Conversions#fromBoundary}).
 */
public final class FlatKernels {
  private FlatKernels() {}

  /** {@code a ← α a}. */
  public static void scale(double alpha, double[] a) {
    for (int k = 0; k < a.length; k++) {
      a[k] = alpha * a[k];
    }
  }

  /** {@code a ← a + α b}. */
  public static void addScaled(double[] a, double alpha, double[] b) {
    for (int k = 0; k < a.length; k++) {
      a[k] = a[k] + alpha * b[k];
    }
  }

  /** {@code a ← a ∘ b}. */
  public static void hadamard(double[] a, double[] b) {
    for (int k = 0; k < a.length; k++) {
      a[k] = a[k] * b[k];
    }
  }

  /** {@code out ← max(h, 0)}; out may be h. */
  public static void relu(double[] h, double[] out) {
    for (int k = 0; k < h.length; k++) {
      out[k] = Math.max(h[k], 0.0);
    }
  }

  /**
   * {@code g ← g ∘ 1[h > 0]}. Multiplying by the 0/1 mask rather than selecting keeps the sign of a
   * zeroed entry (−g·0 = −0.0) exactly as the Hadamard product with a materialised mask does.
   */
  public static void maskByPositive(double[] g, double[] h) {
    for (int k = 0; k < g.length; k++) {
      g[k] = g[k] * (h[k] > 0 ? 1.0 : 0.0);
    }
  }

  /** {@code out ← a ∘ a}; out may be a. */
  public static void square(double[] a, double[] out) {
    for (int k = 0; k < a.length; k++) {
      out[k] = a[k] * a[k];
    }
  }

  /** {@code out ← p − p ∘ p}, the Bernoulli variance of each probability; out may be p. */
  public static void bernoulliVariance(double[] p, double[] out) {
    for (int k = 0; k < p.length; k++) {
      double v = p[k];
      out[k] = v + -1.0 * (v * v);
    }
  }

  /** {@code s ← 1[h > 0] ∘ (s − pv ∘ pv)}: the masked per-unit variance of the Hessian diagonal. */
  public static void maskedVariance(double[] s, double[] pv, double[] h) {
    for (int k = 0; k < s.length; k++) {
      double q = pv[k];
      s[k] = (h[k] > 0 ? 1.0 : 0.0) * (s[k] + -1.0 * (q * q));
    }
  }

  /**
   * Heavy-ball momentum with the pruning mask, one pass: {@code buf ← μ buf + g},
   * {@code θ ← θ − η buf}, {@code θ ← θ ∘ mask} (mask may be null).
   */
  public static void momentumStep(double[] theta, double[] buf, double[] g, double lr, double mu,
      double[] mask) {
    double step = -lr;
    if (mask == null) {
      for (int k = 0; k < theta.length; k++) {
        double b = mu * buf[k] + g[k];
        buf[k] = b;
        theta[k] = theta[k] + step * b;
      }
    } else {
      for (int k = 0; k < theta.length; k++) {
        double b = mu * buf[k] + g[k];
        buf[k] = b;
        theta[k] = (theta[k] + step * b) * mask[k];
      }
    }
  }

  /** Row r of dst (n x cols) ← row {@code index[from + r]} of src (srcRows x cols). */
  public static void gatherRows(double[] src, int srcRows, int cols, int[] index, int from, double[] dst,
      int n, StorageOrder order) {
    if (order == StorageOrder.ROW_MAJOR) {
      for (int r = 0; r < n; r++) {
        System.arraycopy(src, index[from + r] * cols, dst, r * cols, cols);
      }
      return;
    }
    for (int j = 0; j < cols; j++) {
      int so = j * srcRows;
      int d0 = j * n;
      for (int r = 0; r < n; r++) {
        dst[d0 + r] = src[so + index[from + r]];
      }
    }
  }

  /**
   * Row-wise softmax of z (n x k) into p, shifted by the row maximum; p may be z. With
   * {@code labels}, continues in the same pass to {@code p ← (p − Y)/n} for the one-hot Y of the
   * labels and returns the mean cross-entropy {@code −(1/n) Σᵢ log P_{i,yᵢ}} (log-sum-exp form);
   * without, returns 0.
   */
  public static double softmaxRows(double[] z, double[] p, int n, int k, StorageOrder order, int[] labels) {
    int rs = order == StorageOrder.ROW_MAJOR ? k : 1;
    int cs = order == StorageOrder.ROW_MAJOR ? 1 : n;
    double invN = 1.0 / n;
    double loss = 0;
    for (int i = 0; i < n; i++) {
      int base = i * rs;
      double zy = labels == null ? 0 : z[base + labels[i] * cs]; // read before p (maybe z) is written
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, z[base + j * cs]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        double e = Math.exp(z[base + j * cs] - max);
        p[base + j * cs] = e;
        sum += e;
      }
      double inv = 1.0 / sum; // sum ≥ 1: the maximal entry contributes exp(0)
      if (labels == null) {
        for (int j = 0; j < k; j++) {
          p[base + j * cs] *= inv;
        }
        continue;
      }
      int y = labels[i];
      loss += max + Math.log(sum) - zy;
      for (int j = 0; j < k; j++) {
        double v = p[base + j * cs] * inv;
        p[base + j * cs] = invN * (v + -1.0 * (j == y ? 1.0 : 0.0));
      }
    }
    return loss * invN;
  }
}
