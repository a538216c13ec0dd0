package dev.prunebench.linalg.hipparchus;

import dev.prunebench.linalg.ConditionEstimator;
import dev.prunebench.linalg.HeapCholeskyFactor;
import dev.prunebench.linalg.HeapQrFactor;
import dev.prunebench.linalg.MinNormKernels;
import dev.prunebench.linalg.Triangle;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.BlockRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DefaultRealMatrixChangingVisitor;
import org.hipparchus.linear.DefaultRealMatrixPreservingVisitor;
import org.hipparchus.linear.RRQRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Hipparchus 4.0.2's factorisations for the shared minimum-norm flow
 * ({@link dev.prunebench.linalg.MinNormSolver}), which does validation, equilibration, the refusal
 * rules and unscaling. X is n x p, y is n x k. The same three routes as the Commons Math backend, on
 * the successor library's classes:
 *
 * <ul>
 *   <li><b>CHOLESKY</b>. n &lt; p: {@code G = X Xᵀ}, {@code G Z = y}, {@code θ = Xᵀ Z}; n ≥ p:
 *       {@code G = Xᵀ X}, {@code G θ = Xᵀ y}; {@link CholeskyDecomposition} with positivity threshold 0
 *       (it then fails exactly where LAPACK {@code dpotrf} does; Hipparchus signals it with a
 *       {@link MathIllegalArgumentException}), its {@code Lᵀ} feeding the condition estimate.
 *   <li><b>QR</b>: {@link RRQRDecomposition} of X (n ≥ p, {@code X P = Q R}, {@code θ = P R⁻¹ Qᵀ y})
 *       or of Xᵀ (n &lt; p, {@code Xᵀ P = Q R}, {@code θ = Q [R⁻ᵀ Pᵀ y; 0]}); Q is applied as the
 *       Householder vectors of {@link RRQRDecomposition#getH()}, never formed. Hipparchus' RRQR is
 *       the Commons Math code (pivot by the norm of the whole remaining column, not of its trailing part
 *       as in {@code dgeqp3}), so its diagonal is not trusted to reveal rank: the factor is a plain {@link QrFactor},
 *       the rank decision is the shared condition estimate alone, and a rank-deficient X is refused
 *       (use SVD), as on Commons Math.
 *   <li><b>SVD</b>. {@code θ = V S⁺ Uᵀ y} from {@link SingularValueDecomposition} (compact), with the
 *       project's rule {@code σᵢ ≤ rcond · σ_max} → 0 applied here, not the library solver's fixed cutoff.
 * </ul>
 */
final class HipparchusLeastSquares implements MinNormKernels<BlockRealMatrix> {

  @Override
  public int rows(BlockRealMatrix m) {
    return m.getRowDimension();
  }

  @Override
  public int cols(BlockRealMatrix m) {
    return m.getColumnDimension();
  }

  @Override
  public Entry firstNonFinite(BlockRealMatrix m) {
    boolean[] any = {false};
    m.walkInOptimizedOrder(new DefaultRealMatrixPreservingVisitor() {
      @Override
      public void visit(int row, int column, double value) {
        any[0] |= !Double.isFinite(value);
      }
    });
    if (!any[0]) {
      return null;
    }
    for (int i = 0; i < m.getRowDimension(); i++) {
      for (int j = 0; j < m.getColumnDimension(); j++) {
        if (!Double.isFinite(m.getEntry(i, j))) {
          return new Entry(i, j, m.getEntry(i, j));
        }
      }
    }
    return null;
  }

  @Override
  public double[] rowMaxAbs(BlockRealMatrix m) {
    double[] max = new double[m.getRowDimension()];
    m.walkInOptimizedOrder(new DefaultRealMatrixPreservingVisitor() {
      @Override
      public void visit(int row, int column, double value) {
        double a = Math.abs(value);
        max[row] = a > max[row] || a != a ? a : max[row]; // NaN propagates, so the flow notices it
      }
    });
    return max;
  }

  @Override
  public double[] columnMaxAbs(BlockRealMatrix m, int[] rowExp) {
    double[] max = new double[m.getColumnDimension()];
    m.walkInOptimizedOrder(new DefaultRealMatrixPreservingVisitor() {
      @Override
      public void visit(int row, int column, double value) {
        max[column] = Math.max(max[column], Math.abs(Math.scalb(value, rowExp[row])));
      }
    });
    return max;
  }

  @Override
  public BlockRealMatrix scaled(BlockRealMatrix m, int[] rowExp, int[] colExp) {
    BlockRealMatrix s = m.copy();
    s.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
      @Override
      public double visit(int row, int column, double value) {
        return Math.scalb(value, rowExp[row] + colExp[column]);
      }
    });
    return s;
  }

  @Override
  public double[] toRowMajor(BlockRealMatrix m) {
    return flatten(m);
  }

  @Override
  public BlockRealMatrix fromRowMajor(int rows, int cols, double[] d) {
    BlockRealMatrix m = new BlockRealMatrix(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m.setEntry(i, j, d[i * cols + j]);
      }
    }
    return m;
  }

  @Override
  public void scaleRowsInPlace(BlockRealMatrix m, int[] rowExp) {
    m.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
      @Override
      public double visit(int row, int column, double value) {
        return Math.scalb(value, rowExp[row]);
      }
    });
  }

  @Override
  public CholeskyFactor<BlockRealMatrix> gramCholesky(BlockRealMatrix x) {
    BlockRealMatrix xt = x.transpose();
    boolean wide = x.getRowDimension() < x.getColumnDimension();
    // Hipparchus has no symmetric rank-k update: the Gram matrix is a full blocked GEMM.
    BlockRealMatrix gram = wide ? x.multiplyTransposed(x) : x.transposeMultiply(x);
    int m = gram.getRowDimension();
    // getNorm1() is the maximum absolute column sum, ‖G‖₁
    double norm1 = gram.getNorm1();
    CholeskyDecomposition decomposition;
    try {
      decomposition = new CholeskyDecomposition(gram, CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, 0);
    } catch (MathIllegalArgumentException e) { // not positive definite (the matrix is symmetric by construction)
      decomposition = null;
    }
    CholeskyDecomposition chol = decomposition;
    ConditionEstimator.InverseOperator inv = chol == null ? null
        : Triangle.gram(Triangle.upperRowMajor(flatten(chol.getLT()), m, m));
    return new HeapCholeskyFactor<>(chol != null, norm1, m, inv) {
      @Override
      public BlockRealMatrix solve(BlockRealMatrix y) {
        BlockRealMatrix z = HipparchusBackend.block(chol.getSolver().solve(wide ? y : xt.multiply(y)));
        return wide ? xt.multiply(z) : z;
      }
    };
  }

  private static double[] flatten(RealMatrix r) {
    int rows = r.getRowDimension();
    int cols = r.getColumnDimension();
    double[] d = new double[rows * cols];
    double[][] data = r.getData();
    for (int i = 0; i < rows; i++) {
      System.arraycopy(data[i], 0, d, i * cols, cols);
    }
    return d;
  }

  @Override
  public QrFactor<BlockRealMatrix> qr(BlockRealMatrix x) {
    int n = x.getRowDimension();
    int p = x.getColumnDimension();
    boolean wide = n < p;
    RRQRDecomposition qr = new RRQRDecomposition(wide ? x.transpose() : x);
    int b = Math.min(n, p);
    int rows = Math.max(n, p);
    Triangle r = Triangle.upperRowMajor(flatten(qr.getR().getSubMatrix(0, b - 1, 0, b - 1)), b, b);
    double[][] h = qr.getH().getData(); // rows x b, column j is the j-th Householder vector
    RealMatrix pm = qr.getP();
    int[] piv = new int[b]; // column i of the pivoted matrix is column piv[i] of the original
    for (int i = 0; i < b; i++) {
      for (int q = 0; q < b; q++) {
        if (pm.getEntry(q, i) != 0) {
          piv[i] = q;
        }
      }
    }
    return new HeapQrFactor<>(r) {
      @Override
      public BlockRealMatrix solve(BlockRealMatrix y) {
        int k = y.getColumnDimension();
        double[][] theta = new double[p][k];
        double[] t = new double[rows];
        double[] z = new double[b];
        for (int c = 0; c < k; c++) {
          if (wide) {
            // θ = Q [R⁻ᵀ Pᵀ y; 0], Q = H_0 H_1 … H_{b−1}
            for (int i = 0; i < b; i++) {
              z[i] = y.getEntry(piv[i], c);
            }
            r.applyInverseTransposed(z);
            java.util.Arrays.fill(t, 0);
            System.arraycopy(z, 0, t, 0, b);
            for (int j = b - 1; j >= 0; j--) {
              reflect(h, j, t);
            }
            for (int i = 0; i < p; i++) {
              theta[i][c] = t[i];
            }
          } else {
            // θ = P R⁻¹ (Qᵀ y)_{0..p−1}, Qᵀ = H_{b−1} … H_0
            for (int i = 0; i < n; i++) {
              t[i] = y.getEntry(i, c);
            }
            for (int j = 0; j < b; j++) {
              reflect(h, j, t);
            }
            System.arraycopy(t, 0, z, 0, b);
            r.applyInverse(z);
            for (int i = 0; i < b; i++) {
              theta[piv[i]][c] = z[i];
            }
          }
        }
        return new BlockRealMatrix(theta);
      }
    };
  }

  /** {@code t ← H_j t}, {@code H_j = I − 2 v vᵀ/‖v‖²} with v the j-th column of {@code h} (rows j..). */
  private static void reflect(double[][] h, int j, double[] t) {
    double dot = 0;
    double norm2 = 0;
    for (int i = j; i < t.length; i++) {
      double v = h[i][j];
      dot += v * t[i];
      norm2 += v * v;
    }
    if (norm2 == 0) {
      return; // a zero column: no reflection
    }
    double f = 2 * dot / norm2;
    for (int i = j; i < t.length; i++) {
      t[i] -= f * h[i][j];
    }
  }

  @Override
  public BlockRealMatrix svdSolve(BlockRealMatrix x, BlockRealMatrix y, double rcond) {
    Svd s = Svd.of(x, rcond);
    // θ = (V S⁺)(Uᵀ y): two thin products, never the p x n pseudo-inverse.
    return s.vScaled().multiply(s.u().transposeMultiply(y));
  }

  @Override
  public BlockRealMatrix pseudoInverse(BlockRealMatrix x, double rcond) {
    Svd s = Svd.of(x, rcond);
    // X⁺ = (V S⁺) Uᵀ, one blocked GEMM.
    return s.vScaled().multiplyTransposed(s.u());
  }

  /** Compact SVD factors: U (n x r) and {@code V S⁺} (p x r), r = min(n, p). */
  private record Svd(BlockRealMatrix u, BlockRealMatrix vScaled) {
    static Svd of(BlockRealMatrix x, double rcond) {
      SingularValueDecomposition svd = new SingularValueDecomposition(x);
      double[] sigma = svd.getSingularValues(); // descending, so σ_max = sigma[0]
      double cutoff = rcond * sigma[0];
      double[] inverted = new double[sigma.length];
      for (int i = 0; i < sigma.length; i++) {
        inverted[i] = sigma[i] > cutoff ? 1.0 / sigma[i] : 0.0;
      }
      // Scaling in place is safe: this decomposition object is local and discarded.
      BlockRealMatrix v = HipparchusBackend.block(svd.getV());
      v.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
        @Override
        public double visit(int row, int column, double value) {
          return value * inverted[column];
        }
      });
      return new Svd(HipparchusBackend.block(svd.getU()), v);
    }
  }
}
