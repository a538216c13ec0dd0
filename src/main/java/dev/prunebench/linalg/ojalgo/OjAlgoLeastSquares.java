package dev.prunebench.linalg.ojalgo;

import dev.prunebench.linalg.ConditionEstimator;
import dev.prunebench.linalg.DenseEntries;
import dev.prunebench.linalg.HeapCholeskyFactor;
import dev.prunebench.linalg.HeapQrFactor;
import dev.prunebench.linalg.MinNormKernels;
import dev.prunebench.linalg.Triangle;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.decomposition.QR;
import org.ojalgo.matrix.decomposition.SingularValue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * ojAlgo's factorisations for the shared minimum-norm flow ({@link dev.prunebench.linalg.MinNormSolver}),
 * which does validation, equilibration, the refusal rules and unscaling: {@link Cholesky#R064},
 * {@link QR#R064} and {@link SingularValue#R064}, all on the dense column-major {@link R064Store}.
 * The backend runs the whole flow inside the {@link OjAlgoThreads} gate.
 *
 * <p>Transposes are ojAlgo's logical views ({@code MatrixStore.transpose()}, a
 * {@code TransposedStore} over the same array), never materialised here: {@code R064Store.fillByMultiplying}
 * dispatches a transposed left operand to {@code MultiplyLeft} and a transposed right operand to
 * {@code MultiplyRight}, whose inner loops still run over contiguous columns of the physical
 * operand, and the decompositions copy their input into their own work store anyway, so a view in
 * costs nothing extra.
 *
 * <p>QR is <b>not pivoted</b> here: ojAlgo 57.1 has no column-pivoted QR ({@code QR} does not
 * implement {@code MatrixDecomposition.Pivoting}), so its factor is a plain {@code QrFactor}, not a
 * {@code PivotedQrFactor}: the shared condition-estimate rule refuses every problem QR cannot solve,
 * rank-deficient X included, because without a rank-revealing diagonal the flow cannot read the
 * numerical rank and finish with the complete orthogonal decomposition (use SVD there).
 */
final class OjAlgoLeastSquares implements MinNormKernels<R064Store> {

  @Override
  public int rows(R064Store m) {
    return m.getRowDim();
  }

  @Override
  public int cols(R064Store m) {
    return m.getColDim();
  }

  @Override
  public Entry firstNonFinite(R064Store m) {
    return DenseEntries.firstNonFinite(m.data, m.getRowDim(), m.getColDim(), false);
  }

  @Override
  public double[] rowMaxAbs(R064Store m) {
    return DenseEntries.rowMaxAbs(m.data, m.getRowDim(), m.getColDim(), false);
  }

  @Override
  public double[] columnMaxAbs(R064Store m, int[] rowExp) {
    return DenseEntries.columnMaxAbs(m.data, m.getRowDim(), m.getColDim(), false, rowExp);
  }

  @Override
  public R064Store scaled(R064Store m, int[] rowExp, int[] colExp) {
    return R064Store.wrap(DenseEntries.scaled(m.data, m.getRowDim(), m.getColDim(), false, rowExp, colExp),
        m.getRowDim());
  }

  @Override
  public double[] toRowMajor(R064Store m) {
    int rows = m.getRowDim();
    int cols = m.getColDim();
    double[] d = new double[rows * cols];
    for (int j = 0; j < cols; j++) {
      for (int i = 0; i < rows; i++) {
        d[i * cols + j] = m.data[i + j * rows];
      }
    }
    return d;
  }

  @Override
  public R064Store fromRowMajor(int rows, int cols, double[] d) {
    R064Store m = ColumnMajorKernels.make(rows, cols);
    for (int j = 0; j < cols; j++) {
      for (int i = 0; i < rows; i++) {
        m.data[i + j * rows] = d[i * cols + j];
      }
    }
    return m;
  }

  @Override
  public void scaleRowsInPlace(R064Store m, int[] rowExp) {
    DenseEntries.scaleRowsInPlace(m.data, m.getRowDim(), m.getColDim(), false, rowExp);
  }

  /**
   * Normal equations through {@code Cholesky.R064} of the Gram matrix. n &lt; p:
   * {@code θ = Xᵀ (X Xᵀ)⁻¹ y} with the n x n Gram {@code X·Xᵀ}; n ≥ p: {@code θ = (XᵀX)⁻¹ Xᵀy} with the
   * p x p Gram {@code Xᵀ·X}. ojAlgo declares the factorisation unsolvable when a pivot is not positive
   * or falls below {@code 10 · max pivot · ε_dim} (its own relative threshold, a little stricter than
   * LAPACK's "not positive"); that is reported as not positive definite.
   */
  @Override
  public CholeskyFactor<R064Store> gramCholesky(R064Store x) {
    int n = x.getRowDim();
    int p = x.getColDim();
    boolean wide = n < p;
    int m = wide ? n : p;
    R064Store gram = ColumnMajorKernels.make(m, m);
    gram.fillByMultiplying(wide ? x : x.transpose(), wide ? x.transpose() : x);
    double norm1 = 0;
    for (int j = 0; j < m; j++) {
      double s = 0;
      for (int i = 0; i < m; i++) {
        s += Math.abs(gram.data[i + j * m]);
      }
      norm1 = Math.max(norm1, s);
    }
    double gramNorm1 = norm1;
    Cholesky<Double> chol = Cholesky.R064.make();
    chol.decompose(gram);
    boolean ok = chol.isSolvable();
    // L column-major is Lᵀ = R row-major
    ConditionEstimator.InverseOperator inv = ok
        ? Triangle.gram(Triangle.upperRowMajor(R064Store.FACTORY.copy(chol.getL()).data, m, m)) : null;
    return new HeapCholeskyFactor<>(ok, gramNorm1, m, inv) {
      @Override
      public R064Store solve(R064Store y) {
        int k = y.getColDim();
        if (wide) {
          R064Store z = ColumnMajorKernels.make(n, k);
          chol.getSolution(y, z);
          R064Store theta = ColumnMajorKernels.make(p, k);
          theta.fillByMultiplying(x.transpose(), z);
          return theta;
        }
        R064Store xty = ColumnMajorKernels.make(p, k);
        xty.fillByMultiplying(x.transpose(), y);
        R064Store theta = ColumnMajorKernels.make(p, k);
        chol.getSolution(xty, theta);
        return theta;
      }
    };
  }

  /**
   * Householder QR ({@code QR.R064}), unpivoted. n ≥ p: {@code X = QR}, {@code θ = R⁻¹ Qᵀ y} (ojAlgo's
   * {@code getSolution}). n &lt; p: the LQ route, a QR of the logical transpose {@code Xᵀ = QR}, so
   * {@code X = Rᵀ Qᵀ} and the minimum-norm solution is {@code θ = Q R⁻ᵀ y}; ojAlgo's {@code btran}
   * computes exactly that (forward substitution with {@code Rᵀ}, then the Householder reflections in
   * reverse order) on a p x k work array holding y in its first n rows.
   */
  @Override
  public QrFactor<R064Store> qr(R064Store x) {
    int n = x.getRowDim();
    int p = x.getColDim();
    boolean wide = n < p;
    int b = Math.min(n, p);
    QR<Double> qr = QR.R064.make();
    qr.decompose(wide ? x.transpose() : x);
    R064Store rs = R064Store.FACTORY.copy(qr.getR());
    Triangle r = Triangle.upperColumnMajor(rs.data, b, rs.getRowDim());
    return new HeapQrFactor<>(r) {
      @Override
      public R064Store solve(R064Store y) {
        int k = y.getColDim();
        if (!wide) {
          R064Store work = ColumnMajorKernels.make(n, k);
          MatrixStore<Double> theta = qr.getSolution(y, work);
          return n == p ? work : R064Store.FACTORY.copy(theta);
        }
        R064Store theta = ColumnMajorKernels.make(p, k);
        for (int j = 0; j < k; j++) {
          System.arraycopy(y.data, j * n, theta.data, j * p, n);
        }
        qr.btran(theta);
        return theta;
      }
    };
  }

  /**
   * {@code θ = V S⁺ Uᵀ y} from {@code SingularValue.R064} (economy U, V), with the project's rcond
   * rule applied here to the singular values: {@code σᵢ ≤ rcond · σ_max} count as zero. ojAlgo's own
   * solver cutoff is not used.
   */
  @Override
  public R064Store svdSolve(R064Store x, R064Store y, double rcond) {
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
  @Override
  public R064Store pseudoInverse(R064Store x, double rcond) {
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
