package dev.prunebench.linalg.ojalgo;

import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.RankDeficientException;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.decomposition.QR;
import org.ojalgo.matrix.decomposition.SingularValue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * Minimum-norm least squares {@code θ = X⁺ y} (paper eq. 3.2) and the pseudo-inverse on ojAlgo's
 * own decompositions: {@link Cholesky#R064}, {@link QR#R064} and {@link SingularValue#R064}, all on
 * the dense column-major {@link R064Store}. Callers run these inside the {@link OjAlgoThreads} gate
 * and have already validated shapes, finiteness and rcond.
 *
 * <p>Transposes are ojAlgo's logical views ({@code MatrixStore.transpose()}, a
 * {@code TransposedStore} over the same array), never materialised here: {@code R064Store.fillByMultiplying}
 * dispatches a transposed left operand to {@code MultiplyLeft} and a transposed right operand to
 * {@code MultiplyRight}, whose inner loops still run over contiguous columns of the physical
 * operand, and the decompositions copy their input into their own work store anyway, so a view in
 * costs nothing extra.
 */
final class OjAlgoLeastSquares {

  private OjAlgoLeastSquares() {}

  /**
   * @param x n x p, finite
   * @param y n x k, finite
   * @param rcond resolved cutoff in [0, 1), used by SVD only
   */
  static R064Store solveMinNorm(R064Store x, R064Store y, LeastSquaresAlgorithm algorithm, double rcond) {
    return switch (algorithm) {
      case CHOLESKY -> cholesky(x, y);
      case QR -> qr(x, y);
      case SVD -> svd(x, y, rcond);
    };
  }

  /**
   * Normal equations through {@code Cholesky.R064} of the Gram matrix. n &lt; p:
   * {@code θ = Xᵀ (X Xᵀ)⁻¹ y} with the n x n Gram {@code X·Xᵀ}; n ≥ p: {@code θ = (XᵀX)⁻¹ Xᵀy} with the
   * p x p Gram {@code Xᵀ·X}. Forming the smaller Gram is the O(n·p·min(n, p)) step and dominates.
   * ojAlgo declares the factorisation unsolvable when a pivot is not positive or falls below
   * {@code 10 · max pivot · ε_dim} (its own relative threshold); that is reported as
   * {@link RankDeficientException}.
   */
  static R064Store cholesky(R064Store x, R064Store y) {
    int n = x.getRowDim();
    int p = x.getColDim();
    int k = y.getColDim();
    Cholesky<Double> chol = Cholesky.R064.make();
    if (n < p) {
      R064Store gram = ColumnMajorKernels.make(n, n);
      gram.fillByMultiplying(x, x.transpose());
      factorGram(chol, gram, "X Xᵀ", x);
      R064Store z = ColumnMajorKernels.make(n, k);
      chol.getSolution(y, z);
      R064Store theta = ColumnMajorKernels.make(p, k);
      theta.fillByMultiplying(x.transpose(), z);
      return theta;
    }
    R064Store gram = ColumnMajorKernels.make(p, p);
    gram.fillByMultiplying(x.transpose(), x);
    factorGram(chol, gram, "Xᵀ X", x);
    R064Store xty = ColumnMajorKernels.make(p, k);
    xty.fillByMultiplying(x.transpose(), y);
    R064Store theta = ColumnMajorKernels.make(p, k);
    chol.getSolution(xty, theta);
    return theta;
  }

  private static void factorGram(Cholesky<Double> chol, R064Store gram, String what, R064Store x) {
    chol.decompose(gram);
    if (!chol.isSolvable()) {
      throw new RankDeficientException("CHOLESKY: the Gram matrix " + what + " (" + gram.getRowDim() + "x"
          + gram.getColDim() + ") of X (" + x.getRowDim() + "x" + x.getColDim() + ") is not positive definite"
          + " to working precision (ojAlgo Cholesky.R064 found a non-positive or negligible pivot): X is rank"
          + " deficient or too ill-conditioned for the normal equations; use SVD");
    }
  }

  /**
   * Householder QR ({@code QR.R064}). n ≥ p: {@code X = QR}, {@code θ = R⁻¹ Qᵀ y} (ojAlgo's
   * {@code getSolution}). n &lt; p: the LQ route, a QR of the logical transpose {@code Xᵀ = QR}, so
   * {@code X = Rᵀ Qᵀ} and the minimum-norm solution is {@code θ = Q R⁻ᵀ y}; ojAlgo's {@code btran}
   * computes exactly that (forward substitution with {@code Rᵀ}, then the Householder reflections in
   * reverse order) on a p x k work array holding y in its first n rows. Full rank is ojAlgo's test
   * {@code |R_ii| > ε_dim · max_j |R_jj|} for every i; otherwise {@link RankDeficientException}.
   */
  static R064Store qr(R064Store x, R064Store y) {
    int n = x.getRowDim();
    int p = x.getColDim();
    int k = y.getColDim();
    QR<Double> qr = QR.R064.make();
    if (n >= p) {
      qr.decompose(x);
      requireFullRank(qr, "QR of X", x);
      R064Store work = ColumnMajorKernels.make(n, k);
      MatrixStore<Double> theta = qr.getSolution(y, work);
      return n == p ? work : R064Store.FACTORY.copy(theta);
    }
    qr.decompose(x.transpose());
    requireFullRank(qr, "LQ of X (QR of Xᵀ)", x);
    R064Store theta = ColumnMajorKernels.make(p, k);
    for (int j = 0; j < k; j++) {
      System.arraycopy(y.data, j * n, theta.data, j * p, n);
    }
    qr.btran(theta);
    return theta;
  }

  private static void requireFullRank(QR<Double> qr, String what, R064Store x) {
    if (!qr.isSolvable()) {
      int rank = qr.countSignificant(qr.getRankThreshold());
      throw new RankDeficientException("QR: the " + what + " has numerical rank " + rank + " < "
          + Math.min(x.getRowDim(), x.getColDim()) + " for X (" + x.getRowDim() + "x" + x.getColDim()
          + "), |R_ii| at or below " + qr.getRankThreshold() + "; X is rank deficient; use SVD");
    }
  }

  /**
   * {@code θ = V S⁺ Uᵀ y} from {@code SingularValue.R064} (economy U, V), with the project's rcond
   * rule applied here to the singular values: {@code σᵢ ≤ rcond · σ_max} count as zero. ojAlgo's own
   * solver cutoff is not used.
   */
  static R064Store svd(R064Store x, R064Store y, double rcond) {
    int p = x.getColDim();
    int k = y.getColDim();
    Svd s = Svd.of(x, rcond);
    R064Store theta = ColumnMajorKernels.make(p, k);
    if (s.kept.length == 0) {
      return theta; // X⁺ = 0 when every singular value is cut: θ = 0
    }
    int r = s.kept.length;
    R064Store w = ColumnMajorKernels.make(r, k);
    w.fillByMultiplying(s.u.transpose(), y);
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < r; i++) {
        w.data[i + j * r] /= s.sigma[i];
      }
    }
    theta.fillByMultiplying(s.v, w);
    return theta;
  }

  /**
   * {@code X⁺ = V S⁺ Uᵀ} (p x n) with the rcond rule: V's kept columns are copied and scaled by
   * {@code 1/σᵢ}, then one GEMM with the logical transpose of U's kept columns.
   */
  static R064Store pseudoInverse(R064Store x, double rcond) {
    int n = x.getRowDim();
    int p = x.getColDim();
    Svd s = Svd.of(x, rcond);
    R064Store pinv = ColumnMajorKernels.make(p, n);
    int r = s.kept.length;
    if (r == 0) {
      return pinv;
    }
    R064Store vs = R064Store.FACTORY.copy(s.v);
    for (int j = 0; j < r; j++) {
      double inv = 1.0 / s.sigma[j];
      for (int i = 0; i < p; i++) {
        vs.data[i + j * p] *= inv;
      }
    }
    pinv.fillByMultiplying(vs, s.u.transpose());
    return pinv;
  }

  /** The kept part of an SVD: columns of U and V whose singular value survives the cutoff. */
  private record Svd(MatrixStore<Double> u, MatrixStore<Double> v, double[] sigma, int[] kept) {

    static Svd of(R064Store x, double rcond) {
      SingularValue<Double> svd = SingularValue.R064.make();
      svd.decompose(x);
      double[] all = new double[Math.min(x.getRowDim(), x.getColDim())];
      svd.getSingularValues(all);
      double max = 0;
      for (double v : all) {
        max = Math.max(max, v);
      }
      double cutoff = rcond * max;
      int count = 0;
      for (double v : all) {
        if (v > cutoff && v > 0) {
          count++;
        }
      }
      int[] kept = new int[count];
      double[] sigma = new double[count];
      for (int i = 0, c = 0; i < all.length; i++) {
        if (all[i] > cutoff && all[i] > 0) {
          kept[c] = i;
          sigma[c++] = all[i];
        }
      }
      if (count == 0) {
        return new Svd(null, null, sigma, kept);
      }
      // Logical column selections; no copy unless a caller needs a physical store.
      return new Svd(svd.getU().columns(kept), svd.getV().columns(kept), sigma, kept);
    }
  }
}
