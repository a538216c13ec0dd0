package dev.prunebench.linalg.ejml;

import dev.prunebench.linalg.Parallelism;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_MT_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The one place that picks EJML's single-threaded ({@code *_DDRM}) or concurrent ({@code *_MT_DDRM})
 * code path, so every kernel of a {@link Parallelism#ALL_CORES} backend runs on EJML's fork-join pool
 * and every kernel of a {@link Parallelism#SINGLE} backend stays on the calling thread.
 *
 * <p>EJML 0.46.1 has concurrent variants of exactly these operations: GEMM in all transpose forms
 * and {@code multInner}/{@code multOuter} ({@code CommonOps_MT_DDRM}), the blocked Cholesky and the
 * Householder QR solvers ({@code LinearSolverFactory_MT_DDRM.symmPosDef}/{@code leastSquares}),
 * and the QR and SVD decompositions ({@code DecompositionFactory_MT_DDRM}). Elementwise kernels have
 * no MT variant and are memory-bound anyway.
 */
final class EjmlOps {
  private final boolean concurrent;

  EjmlOps(Parallelism parallelism) {
    this.concurrent = parallelism == Parallelism.ALL_CORES;
  }

  boolean concurrent() {
    return concurrent;
  }

  /** Threads the kernels actually use: EJML's pool size on the MT path, else 1. */
  int threads() {
    return concurrent ? EjmlConcurrency.getMaxThreads() : 1;
  }

  /** {@code A · B} into a new matrix. */
  DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
    DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
    return concurrent ? CommonOps_MT_DDRM.mult(a, b, c) : CommonOps_DDRM.mult(a, b, c);
  }

  /** {@code Aᵀ · B} into a new matrix. */
  DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b) {
    DMatrixRMaj c = new DMatrixRMaj(a.numCols, b.numCols);
    return concurrent ? CommonOps_MT_DDRM.multTransA(a, b, c) : CommonOps_DDRM.multTransA(a, b, c);
  }

  /** {@code A · Bᵀ} into a new matrix. */
  DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
    DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numRows);
    return concurrent ? CommonOps_MT_DDRM.multTransB(a, b, c) : CommonOps_DDRM.multTransB(a, b, c);
  }

  /**
   * The Gram matrix {@code X Xᵀ} (n x n). {@code multOuter} computes only one triangle and mirrors
   * it, about twice as fast as {@code multTransB(X, X)} on this machine kind.
   */
  DMatrixRMaj gramOuter(DMatrixRMaj x) {
    DMatrixRMaj g = new DMatrixRMaj(x.numRows, x.numRows);
    return concurrent ? CommonOps_MT_DDRM.multOuter(x, g) : CommonOps_DDRM.multOuter(x, g);
  }

  /** The Gram matrix {@code Xᵀ X} (p x p), again one triangle mirrored ({@code multInner}). */
  DMatrixRMaj gramInner(DMatrixRMaj x) {
    DMatrixRMaj g = new DMatrixRMaj(x.numCols, x.numCols);
    return concurrent ? CommonOps_MT_DDRM.multInner(x, g) : CommonOps_DDRM.multInner(x, g);
  }

  /**
   * A Cholesky solver for a symmetric positive-definite {@code size x size} matrix: the blocked
   * outer-product Cholesky ({@code CholeskyOuterSolver_MT_DDRB}) when concurrent, otherwise EJML's
   * own size switch (inner-product Cholesky for small, blocked for large matrices).
   */
  LinearSolverDense<DMatrixRMaj> cholesky(int size) {
    return concurrent ? LinearSolverFactory_MT_DDRM.symmPosDef(size) : LinearSolverFactory_DDRM.symmPosDef(size);
  }

  /**
   * A Householder-QR least-squares solver for a tall {@code rows x cols} matrix (EJML switches to
   * its blocked QR for large matrices).
   */
  LinearSolverDense<DMatrixRMaj> leastSquaresQr(int rows, int cols) {
    return concurrent ? LinearSolverFactory_MT_DDRM.leastSquares(rows, cols)
        : LinearSolverFactory_DDRM.leastSquares(rows, cols);
  }

  /**
   * A column-major Householder QR decomposition whose reflectors are accessible
   * ({@code getQR()}/{@code getGammas()}), needed to apply Q itself for the LQ route.
   */
  QRDecompositionHouseholderColumn_DDRM householderQr() {
    return concurrent ? new QRDecompositionHouseholderColumn_MT_DDRM() : new QRDecompositionHouseholderColumn_DDRM();
  }

  /** A compact SVD {@code X = U S Vᵀ} with U and V (not transposed), implicit-QR algorithm. */
  SingularValueDecomposition_F64<DMatrixRMaj> svd(int rows, int cols) {
    return concurrent ? DecompositionFactory_MT_DDRM.svd(rows, cols, true, true, true)
        : DecompositionFactory_DDRM.svd(rows, cols, true, true, true);
  }
}
