package dev.prunebench.linalg.commonsmath;

import dev.prunebench.linalg.Checks;
import dev.prunebench.linalg.PowerOfTwoScaling;
import dev.prunebench.linalg.LeastSquares;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.RankDeficientException;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.DefaultRealMatrixPreservingVisitor;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Minimum-norm least squares {@code θ = X⁺ y} (paper eq. 3.2) and the pseudo-inverse on Commons Math
 * 3.6.1's decompositions. X is n x p, y is n x k.
 *
 * <ul>
 *   <li><b>CHOLESKY</b>. n &lt; p: {@code G = X Xᵀ}, {@code G Z = y}, {@code θ = Xᵀ Z}; n ≥ p:
 *       {@code G = Xᵀ X}, {@code G θ = Xᵀ y}; {@link CholeskyDecomposition} with its absolute
 *       positivity threshold set to {@code ε · max(n, p) · max_i G_ii} (the reference backend's rule),
 *       so its {@link NonPositiveDefiniteMatrixException} is exactly the rank test: every pivot
 *       {@code L_jj²} lies in {@code [λ_min(G), λ_max(G)]}, so the test fires only when
 *       {@code cond(X)² ≥ 1/(ε max(n, p))}, where the normal equations keep no correct digit, and
 *       for an exactly rank-deficient X (a pivot at rounding level).
 *   <li><b>QR</b>. n ≥ p: {@link QRDecomposition} of X and its least-squares solver. n &lt; p: LQ of X
 *       as the QR of {@code Xᵀ = Q R}; the minimum-norm solution is {@code θ = Q R⁻ᵀ y}: a lower
 *       triangular solve with Rᵀ ({@link MatrixUtils#solveLowerTriangularSystem}), then the n
 *       Householder reflectors of {@link QRDecomposition#getH()} applied to {@code [z; 0]} in reverse
 *       order. Forming Q ({@code getQ()} is p x p) would cost O(p²n) time and O(p²) memory. Rank
 *       test: some {@code |R_jj| ≤ ε · max(n, p) · max_i |R_ii|} (the default rcond on R's diagonal;
 *       every {@code |R_jj|} lies in {@code [σ_min(X), σ_max(X)]}).
 *   <li><b>SVD</b>. {@code θ = V S⁺ Uᵀ y} from {@link SingularValueDecomposition} (compact), with the
 *       project's rule {@code σᵢ ≤ rcond · σ_max} → 0 applied here: Commons' own
 *       {@code getSolver()} uses a fixed cutoff
 *       {@code max(max(n, p) · σ_max · ulp(1), √SAFE_MIN)} that ignores rcond.
 * </ul>
 *
 * <p>X and y with entries outside {@code [2^-256, 2^256)} are first scaled by powers of two (exact),
 * so no algorithm over- or underflows on them.
 */
final class CommonsMathLeastSquares {
  private CommonsMathLeastSquares() {}

  static BlockRealMatrix solveMinNorm(BlockRealMatrix x, BlockRealMatrix y, LeastSquaresAlgorithm algorithm,
      double rcond) {
    if (algorithm == null) {
      throw new IllegalArgumentException("algorithm must be one of CHOLESKY, QR, SVD, got null");
    }
    int n = x.getRowDimension();
    int p = x.getColumnDimension();
    Checks.requireRhs(n, p, y.getRowDimension(), y.getColumnDimension());
    double cutoff = LeastSquares.resolveRcond(rcond, n, p);
    CommonsMathBackend.requireFinite("x", x);
    CommonsMathBackend.requireFinite("y", y);
    int ex = scaleExponent(x);
    int ey = scaleExponent(y);
    BlockRealMatrix xs = scaled(x, ex);
    BlockRealMatrix ys = scaled(y, ey);
    BlockRealMatrix theta = switch (algorithm) {
      case CHOLESKY -> cholesky(xs, ys);
      case QR -> n < p ? lq(xs, ys) : qr(xs, ys);
      case SVD -> svd(xs, ys, cutoff);
    };
    return scaled(theta, ex - ey);
  }

  /**
   * 0 if X's largest |entry| lies in {@code [2^-256, 2^256)} (or X = 0), else its binary exponent.
   * Outside that range the Gram matrix and {@link QRDecomposition}'s unscaled column norms
   * {@code Σ x²} overflow or underflow; scaling by a power of two is exact and
   * {@code (2^a X)⁺ (2^b y) = 2^(b−a) X⁺ y} undoes it (the reference backend's rule). Inside the
   * range nothing is copied.
   */
  private static int scaleExponent(BlockRealMatrix m) {
    double max = m.walkInOptimizedOrder(new DefaultRealMatrixPreservingVisitor() {
      private double maxAbs;

      @Override
      public void visit(int row, int column, double value) {
        maxAbs = Math.max(maxAbs, Math.abs(value));
      }

      @Override
      public double end() {
        return maxAbs;
      }
    });
    return PowerOfTwoScaling.exponentOfMax(max);
  }

  /** {@code 2^-e · m} as a new matrix (m itself when e = 0); per entry, as {@code 2^-e} may overflow. */
  private static BlockRealMatrix scaled(BlockRealMatrix m, int e) {
    if (e == 0) {
      return m;
    }
    BlockRealMatrix s = m.copy();
    s.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
      @Override
      public double visit(int row, int column, double value) {
        return Math.scalb(value, -e);
      }
    });
    return s;
  }

  static BlockRealMatrix pseudoInverse(BlockRealMatrix x, double rcond) {
    double cutoff = LeastSquares.resolveRcond(rcond, x.getRowDimension(), x.getColumnDimension());
    CommonsMathBackend.requireFinite("x", x);
    int ex = scaleExponent(x);
    Svd s = Svd.of(scaled(x, ex), cutoff);
    // X⁺ = (V S⁺) Uᵀ, one blocked GEMM.
    return scaled(s.vScaled().multiply(s.u().transpose()), ex);
  }

  private static BlockRealMatrix cholesky(BlockRealMatrix x, BlockRealMatrix y) {
    BlockRealMatrix xt = x.transpose();
    boolean wide = x.getRowDimension() < x.getColumnDimension();
    // Commons Math has no symmetric rank-k update: the Gram matrix is a full blocked GEMM.
    BlockRealMatrix gram = wide ? x.multiply(xt) : xt.multiply(x);
    BlockRealMatrix rhs = wide ? y : xt.multiply(y);
    int m = gram.getRowDimension();
    double maxDiag = 0;
    for (int i = 0; i < m; i++) {
      maxDiag = Math.max(maxDiag, gram.getEntry(i, i));
    }
    double tol = LeastSquares.defaultRcond(x.getRowDimension(), x.getColumnDimension()) * maxDiag;
    CholeskyDecomposition chol;
    try {
      chol = new CholeskyDecomposition(gram, CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, tol);
    } catch (NonPositiveDefiniteMatrixException e) {
      throw new RankDeficientException("CHOLESKY: the " + m + "x" + m + " Gram matrix "
          + (wide ? "X Xᵀ" : "Xᵀ X") + String.format(" is not positive definite (a pivot is %.3e <= ε·max(n, p)"
          + "·max diag = %.3e): X is rank-deficient or too ill-conditioned for the normal equations; use SVD",
          e.getArgument().doubleValue(), tol));
    }
    BlockRealMatrix z = CommonsMathBackend.block(chol.getSolver().solve(rhs));
    return wide ? xt.multiply(z) : z;
  }

  private static BlockRealMatrix qr(BlockRealMatrix x, BlockRealMatrix y) {
    int n = x.getRowDimension();
    int p = x.getColumnDimension();
    QRDecomposition qr = new QRDecomposition(x);
    requireFullRank(qr.getR(), n, p, "X");
    return CommonsMathBackend.block(qr.getSolver().solve(y));
  }

  private static BlockRealMatrix lq(BlockRealMatrix x, BlockRealMatrix y) {
    int n = x.getRowDimension();
    int p = x.getColumnDimension();
    int k = y.getColumnDimension();
    QRDecomposition qr = new QRDecomposition(x.transpose());
    RealMatrix rt = qr.getR().getSubMatrix(0, n - 1, 0, n - 1).transpose();
    requireFullRank(rt, n, p, "Xᵀ");
    double[][] h = qr.getH().getData(); // p x n, column j is the j-th Householder vector
    double[][] theta = new double[p][k];
    for (int c = 0; c < k; c++) {
      ArrayRealVector z = new ArrayRealVector(y.getColumn(c), false);
      MatrixUtils.solveLowerTriangularSystem(rt, z);
      double[] t = new double[p];
      System.arraycopy(z.getDataRef(), 0, t, 0, n);
      // θ = Q [z; 0], Q = H_0 H_1 … H_{n−1}, H_j = I − 2 v vᵀ / ‖v‖² with v the j-th column of h;
      // ‖v‖² = 2|R_jj|·|v_j| > 0 because the rank test above passed.
      for (int j = n - 1; j >= 0; j--) {
        double dot = 0;
        double norm2 = 0;
        for (int i = j; i < p; i++) {
          double v = h[i][j];
          dot += v * t[i];
          norm2 += v * v;
        }
        double f = 2 * dot / norm2;
        for (int i = j; i < p; i++) {
          t[i] -= f * h[i][j];
        }
      }
      for (int i = 0; i < p; i++) {
        theta[i][c] = t[i];
      }
    }
    return new BlockRealMatrix(theta);
  }

  /** Rank test on the diagonal of a triangular factor R (or Rᵀ). */
  private static void requireFullRank(RealMatrix r, int n, int p, String factored) {
    double[] diag = new double[Math.min(r.getRowDimension(), r.getColumnDimension())];
    for (int i = 0; i < diag.length; i++) {
      diag[i] = r.getEntry(i, i);
    }
    RankDeficientException.requireFullRankTriangle(diag, n, p, "QR of " + factored);
  }


  private static BlockRealMatrix svd(BlockRealMatrix x, BlockRealMatrix y, double rcond) {
    Svd s = Svd.of(x, rcond);
    // θ = (V S⁺)(Uᵀ y): two thin products, never the p x n pseudo-inverse.
    return s.vScaled().multiply(s.u().transpose().multiply(y));
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
      BlockRealMatrix v = CommonsMathBackend.block(svd.getV());
      v.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
        @Override
        public double visit(int row, int column, double value) {
          return value * inverted[column];
        }
      });
      return new Svd(CommonsMathBackend.block(svd.getU()), v);
    }
  }
}
