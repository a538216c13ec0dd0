package dev.prunebench.linalg.ejml;

import dev.prunebench.linalg.Parallelism;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.block.MatrixOps_DDRB;
import org.ejml.dense.block.MatrixOps_MT_DDRB;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
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
 * and {@code multInner}/{@code multOuter} ({@code CommonOps_MT_DDRM}), block-format GEMM
 * ({@code MatrixOps_MT_DDRB}), the blocked Cholesky ({@code LinearSolverFactory_MT_DDRM.symmPosDef})
 * and the SVD ({@code DecompositionFactory_MT_DDRM}). Elementwise kernels and the column-pivoted QR
 * that QR uses have no MT variant (the former are memory-bound anyway).
 */
final class EjmlOps {
  /** Size of X (entries) from which Gram matrices take the block-format route. */
  // Crossover measured (single-threaded CPU time, this machine kind): the block route is slower
  // below 10⁶ entries (600 x 1000), equal at 2.4·10⁶ (1200 x 2000), 1.3× faster at 4·10⁶
  // (2000 x 2000) and 1.7× faster at 9.6·10⁶ (2400 x 4000).
  static final int BLOCKED_GRAM_MIN_ENTRIES = 3_000_000;

  private final boolean concurrent;
  private final int blockedGramMinEntries;

  EjmlOps(Parallelism parallelism) {
    this(parallelism, BLOCKED_GRAM_MIN_ENTRIES);
  }

  /** For tests: a different switch-over size for the block-format Gram route. */
  EjmlOps(Parallelism parallelism, int blockedGramMinEntries) {
    this.concurrent = parallelism == Parallelism.ALL_CORES;
    this.blockedGramMinEntries = blockedGramMinEntries;
  }

  boolean concurrent() {
    return concurrent;
  }

  /** Threads the kernels actually use: EJML's pool size on the MT path, else 1. */
  int threads() {
    return concurrent ? EjmlConcurrency.getMaxThreads() : 1;
  }

  /** {@code C = op(A) · op(B)} into the caller's c (EJML's {@code mult(a, b, c)}); not both transposed. */
  void multInto(boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
    if (transA) {
      if (concurrent) {
        CommonOps_MT_DDRM.multTransA(a, b, c);
      } else {
        CommonOps_DDRM.multTransA(a, b, c);
      }
    } else if (transB) {
      if (concurrent) {
        CommonOps_MT_DDRM.multTransB(a, b, c);
      } else {
        CommonOps_DDRM.multTransB(a, b, c);
      }
    } else if (concurrent) {
      CommonOps_MT_DDRM.mult(a, b, c);
    } else {
      CommonOps_DDRM.mult(a, b, c);
    }
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
   * The Gram matrix {@code X Xᵀ} (n x n). For X below {@link #BLOCKED_GRAM_MIN_ENTRIES} entries:
   * {@code multOuter}, which computes one triangle as row-by-row dot products and mirrors it (about
   * 2× faster than {@code multTransB(X, X)} on this machine kind). Beyond that each of the n passes
   * over X streams it from memory and {@code multOuter} becomes memory-bound, so X is converted to
   * EJML's 64 x 64 block format ({@code DMatrixRBlock}) and multiplied there: twice the flops, but
   * cache-resident.
   */
  DMatrixRMaj gramOuter(DMatrixRMaj x) {
    if (x.getNumElements() >= blockedGramMinEntries) {
      return blockedGram(x, true);
    }
    DMatrixRMaj g = new DMatrixRMaj(x.numRows, x.numRows);
    return concurrent ? CommonOps_MT_DDRM.multOuter(x, g) : CommonOps_DDRM.multOuter(x, g);
  }

  /** The Gram matrix {@code Xᵀ X} (p x p): {@code multInner}, or the block route for large X. */
  DMatrixRMaj gramInner(DMatrixRMaj x) {
    if (x.getNumElements() >= blockedGramMinEntries) {
      return blockedGram(x, false);
    }
    DMatrixRMaj g = new DMatrixRMaj(x.numCols, x.numCols);
    return concurrent ? CommonOps_MT_DDRM.multInner(x, g) : CommonOps_DDRM.multInner(x, g);
  }

  private DMatrixRMaj blockedGram(DMatrixRMaj x, boolean outer) {
    DMatrixRBlock xb = MatrixOps_DDRB.convert(x);
    int m = outer ? x.numRows : x.numCols;
    DMatrixRBlock gb = new DMatrixRBlock(m, m, xb.blockLength);
    if (outer && concurrent) {
      MatrixOps_MT_DDRB.multTransB(xb, xb, gb);
    } else if (outer) {
      MatrixOps_DDRB.multTransB(xb, xb, gb);
    } else if (concurrent) {
      MatrixOps_MT_DDRB.multTransA(xb, xb, gb);
    } else {
      MatrixOps_DDRB.multTransA(xb, xb, gb);
    }
    return MatrixOps_DDRB.convert(gb, new DMatrixRMaj(m, m));
  }

  /**
   * A Cholesky solver for a symmetric positive-definite {@code size x size} matrix: the blocked
   * outer-product Cholesky ({@code CholeskyOuterSolver_MT_DDRB}) when concurrent, otherwise EJML's
   * own size switch (inner-product Cholesky for small, blocked for large matrices).
   */
  LinearSolverDense<DMatrixRMaj> cholesky(int size) {
    return concurrent ? LinearSolverFactory_MT_DDRM.symmPosDef(size) : LinearSolverFactory_DDRM.symmPosDef(size);
  }

  /** A compact SVD {@code X = U S Vᵀ} with U and V (not transposed), implicit-QR algorithm. */
  SingularValueDecomposition_F64<DMatrixRMaj> svd(int rows, int cols) {
    return concurrent ? DecompositionFactory_MT_DDRM.svd(rows, cols, true, true, true)
        : DecompositionFactory_DDRM.svd(rows, cols, true, true, true);
  }
}
