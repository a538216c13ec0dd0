package dev.prunebench.linalg.openblas;

import static org.bytedeco.openblas.global.openblas_full.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasTrans;
import static org.bytedeco.openblas.global.openblas_full.cblas_dgemm;

import dev.prunebench.linalg.Checks;

/**
 * GEMM through {@code cblas_dgemm} with {@code CblasRowMajor}: the transposed variants pass
 * {@code CblasTrans} for the operand, so no transpose is ever materialised (CBLAS maps a row-major
 * call onto the column-major kernel by swapping operands, without copying). {@code beta = 0}, so the
 * uninitialised output is never read.
 */
final class NativeProducts {
  private NativeProducts() {}

  /** {@code C = A · B}. */
  static NativeMatrix multiply(NativeMatrix a, NativeMatrix b) {
    Checks.requireInner("A·B", a.cols(), b.rows(), a.rows(), a.cols(), b.rows(), b.cols());
    return gemm(false, false, a, b, a.rows(), b.cols(), a.cols());
  }

  /** {@code C = Aᵀ · B}. */
  static NativeMatrix multiplyTransA(NativeMatrix a, NativeMatrix b) {
    Checks.requireInner("Aᵀ·B", a.rows(), b.rows(), a.rows(), a.cols(), b.rows(), b.cols());
    return gemm(true, false, a, b, a.cols(), b.cols(), a.rows());
  }

  /** {@code C = A · Bᵀ}. */
  static NativeMatrix multiplyTransB(NativeMatrix a, NativeMatrix b) {
    Checks.requireInner("A·Bᵀ", a.cols(), b.cols(), a.rows(), a.cols(), b.rows(), b.cols());
    return gemm(false, true, a, b, a.rows(), b.rows(), a.cols());
  }

  /** C (m x n) = op(A) (m x k) · op(B) (k x n); leading dimensions are the stored row lengths. */
  private static NativeMatrix gemm(boolean transA, boolean transB, NativeMatrix a, NativeMatrix b, int m,
      int n, int k) {
    NativeMatrix c = NativeMatrix.uninitialized(m, n);
    cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n,
        k, 1.0, a.pointer(), a.cols(), b.pointer(), b.cols(), 0.0, c.pointer(), n);
    return c;
  }
}
