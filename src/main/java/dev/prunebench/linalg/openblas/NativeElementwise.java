package dev.prunebench.linalg.openblas;

import static org.bytedeco.openblas.global.openblas_full.cblas_daxpy;
import static org.bytedeco.openblas.global.openblas_full.cblas_dscal;

import dev.prunebench.linalg.Checks;
import java.nio.DoubleBuffer;

/**
 * The network's elementwise kernels (paper Section 4, {@code f(x) = V · ReLU(W x)}, eq. 4.1) on
 * off-heap matrices. BLAS has {@code daxpy} and {@code dscal} for {@code a + αb} and {@code αa};
 * everything else is a plain Java loop. Those loops move the off-heap data through a small heap
 * chunk with bulk {@link DoubleBuffer} copies (memcpy), so the arithmetic itself is an ordinary,
 * vectorisable array loop. No kernel scans for NaN (data is validated where it enters, in
 * {@code fromBoundary}). Inputs are never modified; every method returns a new matrix (the in-place
 * and fused kernels are {@link NativeInPlace}).
 */
final class NativeElementwise {
  /** 4096 doubles = 32 KiB, about one L1 cache. */
  private static final int CHUNK = 4096;

  private NativeElementwise() {}

  @FunctionalInterface
  private interface Unary {
    void apply(double[] in, double[] out, int len);
  }

  @FunctionalInterface
  private interface Binary {
    void apply(double[] a, double[] b, double[] out, int len);
  }

  static NativeMatrix relu(NativeMatrix a) {
    return map(a, "a", (in, out, len) -> {
      for (int t = 0; t < len; t++) {
        // Branch-free (an intrinsic), where "in > 0 ? in : 0" mispredicts on random signs; inputs are
        // finite, and max(-0.0, 0.0) = 0.0, so the result is the same.
        out[t] = Math.max(in[t], 0.0);
      }
    });
  }

  static NativeMatrix reluMask(NativeMatrix a) {
    return map(a, "a", (in, out, len) -> {
      for (int t = 0; t < len; t++) {
        out[t] = in[t] > 0 ? 1.0 : 0.0;
      }
    });
  }

  static NativeMatrix hadamard(NativeMatrix a, NativeMatrix b) {
    return zip(a, b, (x, y, out, len) -> {
      for (int t = 0; t < len; t++) {
        out[t] = x[t] * y[t];
      }
    });
  }

  /** {@code a + α b}: a copy of a, then {@code cblas_daxpy}. */
  static NativeMatrix addScaled(NativeMatrix a, double alpha, NativeMatrix b) {
    Checks.requireSameShape("a", a.rows(), a.cols(), "b", b.rows(), b.cols());
    NativeMatrix c = a.copy();
    cblas_daxpy(c.size(), alpha, b.pointer(), 1, c.pointer(), 1);
    return c;
  }

  /** {@code α a}: a copy of a, then {@code cblas_dscal}. */
  static NativeMatrix scale(NativeMatrix a, double alpha) {
    NativeMatrix c = a.copy();
    cblas_dscal(c.size(), alpha, c.pointer(), 1);
    return c;
  }

  /** Row-wise softmax, shifted by the row maximum so that {@code exp} cannot overflow. */
  static NativeMatrix softmaxRows(NativeMatrix z) {
    int n = z.rows();
    int k = z.cols();
    double[] row = new double[k];
    DoubleBuffer in = z.buffer();
    NativeMatrix out = NativeMatrix.uninitialized(n, k);
    DoubleBuffer o = out.buffer();
    for (int i = 0; i < n; i++) {
      in.get(i * k, row);
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, row[j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        row[j] = Math.exp(row[j] - max);
        sum += row[j];
      }
      double inv = 1.0 / sum;
      for (int j = 0; j < k; j++) {
        row[j] *= inv;
      }
      o.put(i * k, row);
    }
    return out;
  }

  /** Column sums as a 1 x cols row vector. */
  static NativeMatrix columnSums(NativeMatrix a) {
    int n = a.rows();
    int p = a.cols();
    double[] s = new double[p];
    double[] row = new double[p];
    DoubleBuffer in = a.buffer();
    for (int i = 0; i < n; i++) {
      in.get(i * p, row);
      for (int j = 0; j < p; j++) {
        s[j] += row[j];
      }
    }
    return fromArray(1, p, s);
  }

  static double sum(NativeMatrix a) {
    DoubleBuffer in = a.buffer();
    int size = a.size();
    double[] chunk = new double[Math.min(CHUNK, size)];
    double s = 0;
    for (int off = 0; off < size; off += CHUNK) {
      int len = Math.min(CHUNK, size - off);
      in.get(off, chunk, 0, len);
      for (int t = 0; t < len; t++) {
        s += chunk[t];
      }
    }
    return s;
  }

  /** A new off-heap matrix holding a copy of the row-major {@code values}. */
  static NativeMatrix fromArray(int rows, int cols, double[] values) {
    NativeMatrix m = NativeMatrix.uninitialized(rows, cols);
    m.buffer().put(0, values);
    return m;
  }

  private static NativeMatrix map(NativeMatrix a, String name, Unary op) {
    int size = a.size();
    DoubleBuffer in = a.buffer();
    NativeMatrix c = NativeMatrix.uninitialized(a.rows(), a.cols());
    try {
      DoubleBuffer out = c.buffer();
      double[] x = new double[Math.min(CHUNK, size)];
      double[] r = new double[x.length];
      for (int off = 0; off < size; off += CHUNK) {
        int len = Math.min(CHUNK, size - off);
        in.get(off, x, 0, len);
        op.apply(x, r, len);
        out.put(off, r, 0, len);
      }
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static NativeMatrix zip(NativeMatrix a, NativeMatrix b, Binary op) {
    Checks.requireSameShape("a", a.rows(), a.cols(), "b", b.rows(), b.cols());
    int size = a.size();
    DoubleBuffer ia = a.buffer();
    DoubleBuffer ib = b.buffer();
    NativeMatrix c = NativeMatrix.uninitialized(a.rows(), a.cols());
    try {
      DoubleBuffer out = c.buffer();
      double[] x = new double[Math.min(CHUNK, size)];
      double[] y = new double[x.length];
      double[] r = new double[x.length];
      for (int off = 0; off < size; off += CHUNK) {
        int len = Math.min(CHUNK, size - off);
        ia.get(off, x, 0, len);
        ib.get(off, y, 0, len);
        op.apply(x, y, r, len);
        out.put(off, r, 0, len);
      }
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }
}
