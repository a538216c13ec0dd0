package dev.prunebench.linalg.hipparchus;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.Checks;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.MinNormSolver;
import dev.prunebench.linalg.Parallelism;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.BlockRealMatrix;
import org.hipparchus.linear.DefaultRealMatrixChangingVisitor;
import org.hipparchus.linear.DefaultRealMatrixPreservingVisitor;
import org.hipparchus.linear.RealMatrix;

/**
 * The Hipparchus 4.0.2 backend; native type {@link BlockRealMatrix}, for the same reason as the Commons
 * Math backend (52 x 52 row-major cache blocks; Hipparchus kept Commons Math 3's blocked GEMM).
 *
 * <p>What Hipparchus adds over Commons Math 3.6.1 and this backend uses: blocked transposed products
 * ({@code transposeMultiply} for {@code Aᵀ·B}, {@code multiplyTransposed} for {@code A·Bᵀ}), so no
 * transposed copy is made. Hipparchus is single-threaded: {@link Parallelism#ALL_CORES} runs the same
 * code as {@code SINGLE}, and {@link #info()} reports 1 thread either way.
 *
 * <p>Least squares: see {@link HipparchusLeastSquares}. Hard thresholding keeps the shared
 * {@link dev.prunebench.linalg.TopS} default.
 */
public final class HipparchusBackend implements LinearAlgebraBackend<BlockRealMatrix> {
  /** Stateless: Hipparchus' factorisations behind the shared minimum-norm flow. */
  private static final MinNormSolver<BlockRealMatrix> LEAST_SQUARES =
      new MinNormSolver<>(new HipparchusLeastSquares());

  private final Parallelism parallelism;

  private HipparchusBackend(Parallelism parallelism) {
    this.parallelism = parallelism;
  }

  /** A backend; both parallelism settings run Hipparchus' single-threaded code. */
  public static LinearAlgebraBackend<?> create(Parallelism parallelism) {
    return createTyped(parallelism);
  }

  /** {@link #create(Parallelism)} with the native type visible, for Hipparchus-specific tests. */
  public static HipparchusBackend createTyped(Parallelism parallelism) {
    if (parallelism == null) {
      throw new IllegalArgumentException("parallelism must be SINGLE or ALL_CORES, got null");
    }
    return new HipparchusBackend(parallelism);
  }

  @Override
  public BackendInfo info() {
    String v = RealMatrix.class.getPackage().getImplementationVersion();
    return new BackendInfo(Backend.HIPPARCHUS, "Hipparchus", v != null ? v : "4.0.2", 1,
        "BlockRealMatrix; the library is single-threaded"
            + (parallelism == Parallelism.ALL_CORES ? " (ALL_CORES requested, runs on one thread)" : ""));
  }

  // ---- conversions

  /** Fills Hipparchus' block layout directly from the row-major data (one copy). */
  @Override
  public BlockRealMatrix fromFiniteBoundary(Matrix m) {
    int rows = m.rows();
    int cols = m.cols();
    double[][] blocks = BlockRealMatrix.createBlocksLayout(rows, cols);
    int bs = BlockRealMatrix.BLOCK_SIZE;
    int blockCols = (cols + bs - 1) / bs;
    for (int i = 0; i < rows; i++) {
      int iBlock = i / bs;
      int rowInBlock = i - iBlock * bs;
      for (int jBlock = 0; jBlock < blockCols; jBlock++) {
        int q0 = jBlock * bs;
        int width = Math.min(bs, cols - q0);
        for (int q = 0; q < width; q++) {
          blocks[iBlock * blockCols + jBlock][rowInBlock * width + q] = m.getFlat(i * cols + q0 + q);
        }
      }
    }
    return new BlockRealMatrix(rows, cols, blocks, false);
  }

  @Override
  public Matrix toBoundary(BlockRealMatrix m) {
    int cols = m.getColumnDimension();
    double[] out = new double[m.getRowDimension() * cols];
    m.walkInOptimizedOrder(new DefaultRealMatrixPreservingVisitor() {
      @Override
      public void visit(int row, int column, double value) {
        out[row * cols + column] = value;
      }
    });
    return Matrix.wrap(m.getRowDimension(), cols, out);
  }

  @Override
  public int rows(BlockRealMatrix m) {
    return m.getRowDimension();
  }

  @Override
  public int cols(BlockRealMatrix m) {
    return m.getColumnDimension();
  }

  /** A decomposition's result as a {@code BlockRealMatrix} (no copy if it already is one). */
  static BlockRealMatrix block(RealMatrix m) {
    if (m instanceof BlockRealMatrix b) {
      return b;
    }
    return new BlockRealMatrix(m instanceof Array2DRowRealMatrix a ? a.getDataRef() : m.getData());
  }

  /** Shared non-finite check; the row-major copy for {@link Checks} is made only on failure. */
  static void requireFinite(String name, BlockRealMatrix m) {
    double[] nonFinite = {0};
    m.walkInOptimizedOrder(new DefaultRealMatrixPreservingVisitor() {
      @Override
      public void visit(int row, int column, double value) {
        if (!Double.isFinite(value)) {
          nonFinite[0] = 1;
        }
      }
    });
    if (nonFinite[0] != 0) {
      Checks.requireFinite(name, flatten(m), m.getColumnDimension());
    }
  }

  private static double[] flatten(BlockRealMatrix m) {
    int cols = m.getColumnDimension();
    double[] out = new double[m.getRowDimension() * cols];
    for (int i = 0; i < m.getRowDimension(); i++) {
      System.arraycopy(m.getRow(i), 0, out, i * cols, cols);
    }
    return out;
  }

  // ---- least squares

  @Override
  public BlockRealMatrix solveMinNorm(BlockRealMatrix x, BlockRealMatrix y, LeastSquaresAlgorithm algorithm,
      double rcond) {
    return LEAST_SQUARES.solve(x, y, algorithm, rcond);
  }

  @Override
  public BlockRealMatrix pseudoInverse(BlockRealMatrix x, double rcond) {
    return LEAST_SQUARES.pseudoInverse(x, rcond);
  }

  /** {@code H_jj = (2/n) Σᵢ X_ij²} (paper eq. 3.1), one pass in cache order. */
  @Override
  public BlockRealMatrix lsHessianDiagonal(BlockRealMatrix x) {
    double[] h = new double[x.getColumnDimension()];
    x.walkInOptimizedOrder(new DefaultRealMatrixPreservingVisitor() {
      @Override
      public void visit(int row, int column, double value) {
        h[column] += value * value;
      }
    });
    double scale = 2.0 / x.getRowDimension();
    for (int j = 0; j < h.length; j++) {
      h[j] *= scale;
    }
    return rowVector(h);
  }

  private static BlockRealMatrix rowVector(double[] v) {
    return new BlockRealMatrix(new double[][] {v});
  }

  // ---- in place
  //
  // Hipparchus, like Commons Math, hides BlockRealMatrix's block array and has no product into an
  // existing matrix, so storage() stays null: the shared in-place kernels copy operands out and results back
  // (correct on this backend, but not allocation-free), and multiplyInto copies the library's product.

  @Override
  public BlockRealMatrix zeros(int rows, int cols) {
    return new BlockRealMatrix(rows, cols);
  }

  @Override
  public void assign(BlockRealMatrix dst, double[] rowMajor) {
    int cols = dst.getColumnDimension();
    dst.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
      @Override
      public double visit(int row, int column, double value) {
        return rowMajor[row * cols + column];
      }
    });
  }

  @Override
  public void multiplyInto(boolean transA, boolean transB, BlockRealMatrix a, BlockRealMatrix b,
      BlockRealMatrix c) {
    BlockRealMatrix p = transA ? a.transposeMultiply(b) : transB ? a.multiplyTransposed(b) : a.multiply(b);
    c.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
      @Override
      public double visit(int row, int column, double value) {
        return p.getEntry(row, column);
      }
    });
  }

  // ---- products

  @Override
  public BlockRealMatrix multiply(BlockRealMatrix a, BlockRealMatrix b) {
    Checks.requireInner("A·B", a.getColumnDimension(), b.getRowDimension(), a.getRowDimension(),
        a.getColumnDimension(), b.getRowDimension(), b.getColumnDimension());
    return a.multiply(b);
  }

  @Override
  public BlockRealMatrix multiplyTransA(BlockRealMatrix a, BlockRealMatrix b) {
    Checks.requireInner("Aᵀ·B", a.getRowDimension(), b.getRowDimension(), a.getRowDimension(),
        a.getColumnDimension(), b.getRowDimension(), b.getColumnDimension());
    return a.transposeMultiply(b);
  }

  @Override
  public BlockRealMatrix multiplyTransB(BlockRealMatrix a, BlockRealMatrix b) {
    Checks.requireInner("A·Bᵀ", a.getColumnDimension(), b.getColumnDimension(), a.getRowDimension(),
        a.getColumnDimension(), b.getRowDimension(), b.getColumnDimension());
    return a.multiplyTransposed(b);
  }

  // ---- elementwise (paper Section 4 network)

  @Override
  public BlockRealMatrix relu(BlockRealMatrix a) {
    BlockRealMatrix out = a.copy();
    out.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
      @Override
      public double visit(int row, int column, double value) {
        return Math.max(value, 0.0);
      }
    });
    return out;
  }

  @Override
  public BlockRealMatrix reluMask(BlockRealMatrix a) {
    BlockRealMatrix out = a.copy();
    out.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
      @Override
      public double visit(int row, int column, double value) {
        return value > 0 ? 1.0 : 0.0;
      }
    });
    return out;
  }

  /** Hipparchus has no matrix Hadamard product; a cache-order walk over a copy of a. */
  @Override
  public BlockRealMatrix hadamard(BlockRealMatrix a, BlockRealMatrix b) {
    requireSameShape(a, b);
    BlockRealMatrix out = a.copy();
    out.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
      @Override
      public double visit(int row, int column, double value) {
        return value * b.getEntry(row, column);
      }
    });
    return out;
  }

  @Override
  public BlockRealMatrix addScaled(BlockRealMatrix a, double alpha, BlockRealMatrix b) {
    requireSameShape(a, b);
    return a.add(b.scalarMultiply(alpha));
  }

  private static void requireSameShape(BlockRealMatrix a, BlockRealMatrix b) {
    Checks.requireSameShape("a", a.getRowDimension(), a.getColumnDimension(), "b", b.getRowDimension(),
        b.getColumnDimension());
  }

  @Override
  public BlockRealMatrix scale(BlockRealMatrix a, double alpha) {
    return block(a.scalarMultiply(alpha)); // a BlockRealMatrix at run time, typed RealMatrix
  }

  @Override
  public BlockRealMatrix softmaxRows(BlockRealMatrix z) {
    BlockRealMatrix out = new BlockRealMatrix(z.getRowDimension(), z.getColumnDimension());
    for (int i = 0; i < z.getRowDimension(); i++) {
      double[] row = z.getRow(i);
      double max = Double.NEGATIVE_INFINITY;
      for (double v : row) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int j = 0; j < row.length; j++) {
        row[j] = Math.exp(row[j] - max);
        sum += row[j];
      }
      double inv = 1.0 / sum;
      for (int j = 0; j < row.length; j++) {
        row[j] *= inv;
      }
      out.setRow(i, row);
    }
    return out;
  }

  @Override
  public BlockRealMatrix columnSums(BlockRealMatrix a) {
    double[] sums = new double[a.getColumnDimension()];
    a.walkInOptimizedOrder(new DefaultRealMatrixPreservingVisitor() {
      @Override
      public void visit(int row, int column, double value) {
        sums[column] += value;
      }
    });
    return rowVector(sums);
  }

  @Override
  public double sum(BlockRealMatrix a) {
    double[] total = {0};
    a.walkInOptimizedOrder(new DefaultRealMatrixPreservingVisitor() {
      @Override
      public void visit(int row, int column, double value) {
        total[0] += value;
      }
    });
    return total[0];
  }
}
