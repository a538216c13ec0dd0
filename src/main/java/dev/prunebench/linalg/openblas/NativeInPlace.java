package dev.prunebench.linalg.openblas;

import static org.bytedeco.openblas.global.openblas_full.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasTrans;
import static org.bytedeco.openblas.global.openblas_full.cblas_daxpy;
import static org.bytedeco.openblas.global.openblas_full.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_full.cblas_dscal;

import dev.prunebench.linalg.Checks;
import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.Pointer;

/**
 * The in-place and fused kernels of {@link dev.prunebench.linalg.InPlace} and
 * {@link dev.prunebench.linalg.NetworkKernels} directly on off-heap memory: {@code cblas_dgemm} with
 * α, β into the caller's C, {@code cblas_dscal} / {@code cblas_daxpy} for the linear updates (the
 * momentum step is exactly the dscal + daxpy + daxpy sequence the allocating kernels ran, so it
 * gives the same bits), and plain loops over {@link DoubleBuffer} views for the rest (absolute
 * get/put: no heap copy, no allocation). Nothing here scans for NaN; shapes are checked by the caller
 * ({@link OpenBlasBackend}) or here.
 */
final class NativeInPlace {
  private NativeInPlace() {}

  /** {@code C ← α op(A) op(B) + β C}; with β = 0 dgemm does not read C. */
  static void gemm(boolean transA, boolean transB, double alpha, NativeMatrix a, NativeMatrix b, double beta,
      NativeMatrix c) {
    int m = transA ? a.cols() : a.rows();
    int ka = transA ? a.rows() : a.cols();
    int kb = transB ? b.cols() : b.rows();
    int n = transB ? b.rows() : b.cols();
    Checks.requireInner("op(A)·op(B)", ka, kb, a.rows(), a.cols(), b.rows(), b.cols());
    Checks.requireSameShape("C", c.rows(), c.cols(), "op(A)·op(B)", m, n);
    if (c == a || c == b) {
      throw new IllegalArgumentException("C must not be A or B: gemm writes C while reading them");
    }
    cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n,
        ka, alpha, a.pointer(), a.cols(), b.pointer(), b.cols(), beta, c.pointer(), n);
  }

  static void copy(NativeMatrix src, NativeMatrix dst) {
    Checks.requireSameShape("src", src.rows(), src.cols(), "dst", dst.rows(), dst.cols());
    Pointer.memcpy(dst.pointer(), src.pointer(), (long) src.size() * Double.BYTES);
  }

  static void assign(NativeMatrix dst, double[] rowMajor) {
    dst.buffer().put(0, rowMajor, 0, dst.size());
  }

  static void scale(double alpha, NativeMatrix a) {
    cblas_dscal(a.size(), alpha, a.pointer(), 1);
  }

  /** {@code a ← a + α b}. */
  static void addScaled(NativeMatrix a, double alpha, NativeMatrix b) {
    Checks.requireSameShape("a", a.rows(), a.cols(), "b", b.rows(), b.cols());
    cblas_daxpy(a.size(), alpha, b.pointer(), 1, a.pointer(), 1);
  }

  static void hadamard(NativeMatrix a, NativeMatrix b) {
    Checks.requireSameShape("a", a.rows(), a.cols(), "b", b.rows(), b.cols());
    DoubleBuffer x = a.buffer();
    DoubleBuffer y = b.buffer();
    for (int k = 0, n = a.size(); k < n; k++) {
      x.put(k, x.get(k) * y.get(k));
    }
  }

  static void gatherRows(NativeMatrix src, int[] index, int from, NativeMatrix dst) {
    int cols = dst.cols();
    DoubleBuffer s = src.buffer();
    DoubleBuffer d = dst.buffer();
    for (int r = 0, n = dst.rows(); r < n; r++) {
      d.put(r * cols, s, index[from + r] * cols, cols); // one bulk copy per row
    }
  }

  static void relu(NativeMatrix h, NativeMatrix a) {
    Checks.requireSameShape("h", h.rows(), h.cols(), "a", a.rows(), a.cols());
    DoubleBuffer x = h.buffer();
    DoubleBuffer y = a.buffer();
    for (int k = 0, n = h.size(); k < n; k++) {
      y.put(k, Math.max(x.get(k), 0.0));
    }
  }

  /** {@code g ← g ∘ 1[h > 0]}, as a product with the 0/1 mask (keeps −0.0 exactly as before). */
  static void maskByPositive(NativeMatrix g, NativeMatrix h) {
    Checks.requireSameShape("g", g.rows(), g.cols(), "h", h.rows(), h.cols());
    DoubleBuffer x = g.buffer();
    DoubleBuffer m = h.buffer();
    for (int k = 0, n = g.size(); k < n; k++) {
      x.put(k, x.get(k) * (m.get(k) > 0 ? 1.0 : 0.0));
    }
  }

  static void square(NativeMatrix a, NativeMatrix out) {
    Checks.requireSameShape("a", a.rows(), a.cols(), "out", out.rows(), out.cols());
    DoubleBuffer x = a.buffer();
    DoubleBuffer y = out.buffer();
    for (int k = 0, n = a.size(); k < n; k++) {
      double v = x.get(k);
      y.put(k, v * v);
    }
  }

  static void bernoulliVariance(NativeMatrix p, NativeMatrix out) {
    Checks.requireSameShape("p", p.rows(), p.cols(), "out", out.rows(), out.cols());
    DoubleBuffer x = p.buffer();
    DoubleBuffer y = out.buffer();
    for (int k = 0, n = p.size(); k < n; k++) {
      double v = x.get(k);
      y.put(k, v + -1.0 * (v * v));
    }
  }

  static void maskedVariance(NativeMatrix s, NativeMatrix pv, NativeMatrix h) {
    Checks.requireSameShape("s", s.rows(), s.cols(), "pv", pv.rows(), pv.cols());
    Checks.requireSameShape("s", s.rows(), s.cols(), "h", h.rows(), h.cols());
    DoubleBuffer x = s.buffer();
    DoubleBuffer q = pv.buffer();
    DoubleBuffer m = h.buffer();
    for (int k = 0, n = s.size(); k < n; k++) {
      double v = q.get(k);
      x.put(k, (m.get(k) > 0 ? 1.0 : 0.0) * (x.get(k) + -1.0 * (v * v)));
    }
  }

  /**
   * Row softmax of z into p (same formula and order as {@code FlatKernels.softmaxRows}); with labels,
   * {@code p ← (p − Y)/n} and the mean cross-entropy is returned.
   */
  static double softmax(NativeMatrix z, NativeMatrix p, int[] labels) {
    int n = z.rows();
    int k = z.cols();
    DoubleBuffer in = z.buffer();
    DoubleBuffer out = p.buffer();
    double invN = 1.0 / n;
    double loss = 0;
    for (int i = 0; i < n; i++) {
      int base = i * k;
      double zy = labels == null ? 0 : in.get(base + labels[i]);
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, in.get(base + j));
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        double e = Math.exp(in.get(base + j) - max);
        out.put(base + j, e);
        sum += e;
      }
      double inv = 1.0 / sum;
      if (labels == null) {
        for (int j = 0; j < k; j++) {
          out.put(base + j, out.get(base + j) * inv);
        }
        continue;
      }
      int y = labels[i];
      loss += max + Math.log(sum) - zy;
      for (int j = 0; j < k; j++) {
        double v = out.get(base + j) * inv;
        out.put(base + j, invN * (v + -1.0 * (j == y ? 1.0 : 0.0)));
      }
    }
    return loss * invN;
  }

  /**
   * {@code buf ← μ buf + g; θ ← θ − η buf; θ ← θ ∘ mask}: dscal, daxpy, daxpy (BLAS-vectorised, the
   * same calls and so the same bits as the allocating sequence), then one pass for the mask.
   */
  static void momentumStep(NativeMatrix theta, NativeMatrix buf, NativeMatrix g, double lr, double mu,
      NativeMatrix mask) {
    int n = theta.size();
    cblas_dscal(n, mu, buf.pointer(), 1);
    cblas_daxpy(n, 1.0, g.pointer(), 1, buf.pointer(), 1);
    cblas_daxpy(n, -lr, buf.pointer(), 1, theta.pointer(), 1);
    if (mask != null) {
      hadamard(theta, mask);
    }
  }
}
