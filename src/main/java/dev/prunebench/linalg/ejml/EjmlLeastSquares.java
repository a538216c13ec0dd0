package dev.prunebench.linalg.ejml;

import dev.prunebench.linalg.ConditionEstimator;
import dev.prunebench.linalg.DenseEntries;
import dev.prunebench.linalg.HeapCholeskyFactor;
import dev.prunebench.linalg.HeapPivotedQrFactor;
import dev.prunebench.linalg.MinNormKernels;
import dev.prunebench.linalg.Triangle;
import org.ejml.data.DMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.qr.QRColPivDecompositionHouseholderColumn_DDRM;
import org.ejml.dense.row.decomposition.qr.QrHelperFunctions_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EJML's factorisations for the shared minimum-norm flow ({@link dev.prunebench.linalg.MinNormSolver}),
 * which does validation, equilibration, the refusal rules and unscaling. X is n x p, y is n x k.
 *
 * <ul>
 *   <li><b>CHOLESKY</b> (normal equations). n &lt; p: {@code G = X Xᵀ} by {@code multOuter},
 *       {@code G Z = y}, {@code θ = Xᵀ Z}; n ≥ p: {@code G = Xᵀ X} by {@code multInner},
 *       {@code G θ = Xᵀ y} (large X: the Gram product in block format, see {@link EjmlOps}). Solved
 *       with {@code LinearSolverFactory_(MT_)DDRM.symmPosDef}; its factor feeds the condition estimate.
 *   <li><b>QR</b>, natively column-pivoted: {@link QRColPivDecompositionHouseholderColumn_DDRM}
 *       (EJML's {@code DecompositionFactory_DDRM.qrp}, single-threaded: EJML has no concurrent one) with
 *       its singular threshold set to 0, so the rank decision is the shared one. n ≥ p: {@code X P = Q R},
 *       {@code θ = P R⁻¹ Qᵀ y}. n &lt; p: {@code Xᵀ P = Q R}, so {@code Pᵀ X = Rᵀ Qᵀ} and
 *       {@code θ = Q [R⁻ᵀ Pᵀ y; 0]}; Q is applied as its reflectors, never formed.
 *   <li><b>SVD</b>. {@code θ = V S⁺ Uᵀ y} from EJML's implicit-QR SVD, with the project's rcond
 *       rule applied here ({@code σᵢ ≤ rcond · σ_max} → 0). EJML's own pseudo-inverse solver uses a
 *       different cutoff ({@code σ < ε · max(n, p) · σ_max}, strict) and divides by an exactly zero
 *       σ when the cutoff is 0, so it is not used.
 * </ul>
 */
final class EjmlLeastSquares implements MinNormKernels<DMatrixRMaj> {
  private final EjmlOps ops;

  EjmlLeastSquares(EjmlOps ops) {
    this.ops = ops;
  }

  @Override
  public int rows(DMatrixRMaj m) {
    return m.numRows;
  }

  @Override
  public int cols(DMatrixRMaj m) {
    return m.numCols;
  }

  @Override
  public Entry firstNonFinite(DMatrixRMaj m) {
    return DenseEntries.firstNonFinite(m.data, m.numRows, m.numCols, true);
  }

  @Override
  public double[] rowMaxAbs(DMatrixRMaj m) {
    return DenseEntries.rowMaxAbs(m.data, m.numRows, m.numCols, true);
  }

  @Override
  public double[] columnMaxAbs(DMatrixRMaj m, int[] rowExp) {
    return DenseEntries.columnMaxAbs(m.data, m.numRows, m.numCols, true, rowExp);
  }

  @Override
  public DMatrixRMaj scaled(DMatrixRMaj m, int[] rowExp, int[] colExp) {
    return DMatrixRMaj.wrap(m.numRows, m.numCols,
        DenseEntries.scaled(m.data, m.numRows, m.numCols, true, rowExp, colExp));
  }

  @Override
  public double[] toRowMajor(DMatrixRMaj m) {
    return java.util.Arrays.copyOf(m.data, m.numRows * m.numCols);
  }

  @Override
  public DMatrixRMaj fromRowMajor(int rows, int cols, double[] d) {
    return DMatrixRMaj.wrap(rows, cols, d);
  }

  @Override
  public void scaleRowsInPlace(DMatrixRMaj m, int[] rowExp) {
    DenseEntries.scaleRowsInPlace(m.data, m.numRows, m.numCols, true, rowExp);
  }

  @Override
  public CholeskyFactor<DMatrixRMaj> gramCholesky(DMatrixRMaj x) {
    boolean wide = x.numRows < x.numCols;
    DMatrixRMaj gram = wide ? ops.gramOuter(x) : ops.gramInner(x);
    int m = gram.numRows;
    double norm1 = 0;
    for (int i = 0; i < m; i++) {
      double s = 0;
      for (int j = 0; j < m; j++) {
        s += Math.abs(gram.data[i * m + j]); // symmetric: row sums are the column sums
      }
      norm1 = Math.max(norm1, s);
    }
    double gramNorm1 = norm1;
    LinearSolverDense<DMatrixRMaj> solver = ops.cholesky(m);
    // The Gram matrix is our own temporary, so the solver may factor it in place.
    boolean ok = solver.setA(gram);
    ConditionEstimator.InverseOperator inv = ok ? Triangle.gram(factor(solver.getDecomposition(), m)) : null;
    return new HeapCholeskyFactor<>(ok, gramNorm1, m, inv) {
      @Override
      public DMatrixRMaj solve(DMatrixRMaj y) {
        DMatrixRMaj rhs = wide ? y : ops.multTransA(x, y);
        DMatrixRMaj out = new DMatrixRMaj(m, y.numCols);
        // In the n < p case rhs is the caller's y.
        solver.solve(solver.modifiesB() ? rhs.copy() : rhs, out);
        return wide ? ops.multTransA(x, out) : out;
      }
    };
  }

  /** The upper factor R of {@code G = Rᵀ R}, from EJML's L (lower) or R (upper), as a row-major array. */
  private static Triangle factor(Object decomposition, int m) {
    @SuppressWarnings("unchecked")
    CholeskyDecomposition_F64<DMatrix> chol = (CholeskyDecomposition_F64<DMatrix>) decomposition;
    DMatrix t = chol.getT(null);
    double[] d;
    if (t instanceof DMatrixRMaj r) {
      d = r.data;
    } else {
      d = new double[m * m]; // block storage (concurrent solver): one O(m²) copy
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          d[i * m + j] = t.get(i, j);
        }
      }
    }
    return chol.isLower() ? Triangle.transposeOfLowerRowMajor(d, m, m) : Triangle.upperRowMajor(d, m, m);
  }

  @Override
  public PivotedQrFactor<DMatrixRMaj> qr(DMatrixRMaj x) {
    int n = x.numRows;
    int p = x.numCols;
    boolean wide = n < p;
    DMatrixRMaj a = wide ? CommonOps_DDRM.transpose(x, null) : x;
    int rows = a.numRows;
    int b = a.numCols;
    // threshold 0: EJML stops only at an exactly zero column; the rank rule is the shared one
    QRColPivDecompositionHouseholderColumn_DDRM qr = new QRColPivDecompositionHouseholderColumn_DDRM(0);
    qr.decompose(a);
    int rank = qr.getRank();
    int[] piv = qr.getColPivots();
    Triangle r = Triangle.upperRowMajor(qr.getR((DMatrixRMaj) null, true).data, b, b);
    double[][] reflectors = qr.getQR();
    double[] gammas = qr.getGammas();
    return new HeapPivotedQrFactor<>(r, piv) {
      @Override
      public double[] qTransposeTimes(DMatrixRMaj y, int k) {
        // Qᵀ y = H_{b−1} ⋯ H_0 y; H_j touches rows j and below only, so rows 0…k−1 are final after H_{k−1}
        DMatrixRMaj qty = y.copy();
        double[] work = new double[y.numCols];
        for (int j = 0; j < k; j++) {
          QrHelperFunctions_DDRM.rank1UpdateMultR_u0(qty, reflectors[j], 1.0, gammas[j], 0, j, rows, work);
        }
        return java.util.Arrays.copyOf(qty.data, k * y.numCols);
      }

      @Override
      public DMatrixRMaj qTimes(double[] v, int k, int cols) {
        // Q [v; 0] = H_0 ⋯ H_{k−1} [v; 0]: the H_j with j ≥ k leave a vector that is zero below row k alone
        DMatrixRMaj theta = DMatrixRMaj.wrap(p, cols, java.util.Arrays.copyOf(v, p * cols));
        double[] work = new double[cols];
        for (int j = k - 1; j >= 0; j--) {
          QrHelperFunctions_DDRM.rank1UpdateMultR_u0(theta, reflectors[j], 1.0, gammas[j], 0, j, p, work);
        }
        return theta;
      }

      @Override
      public double diagonalAbs(int k) {
        return k < rank ? r.diagonalAbs(k) : 0; // EJML stopped: the rest is exactly zero
      }

      @Override
      public DMatrixRMaj solve(DMatrixRMaj y) {
        int k = y.numCols;
        double[] work = new double[k];
        double[] col = new double[b];
        DMatrixRMaj theta = new DMatrixRMaj(p, k);
        if (wide) {
          // θ = Q [R⁻ᵀ Pᵀ y; 0], Q = H_0 … H_{n−1} applied in reverse order
          for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
              col[i] = y.data[piv[i] * k + c];
            }
            r.applyInverseTransposed(col);
            for (int i = 0; i < n; i++) {
              theta.data[i * k + c] = col[i];
            }
          }
          for (int j = n - 1; j >= 0; j--) {
            QrHelperFunctions_DDRM.rank1UpdateMultR_u0(theta, reflectors[j], 1.0, gammas[j], 0, j, p, work);
          }
          return theta;
        }
        // θ = P R⁻¹ (Qᵀ y)_{0..p−1}, Qᵀ = H_{p−1} … H_0
        DMatrixRMaj qty = y.copy();
        for (int j = 0; j < p; j++) {
          QrHelperFunctions_DDRM.rank1UpdateMultR_u0(qty, reflectors[j], 1.0, gammas[j], 0, j, rows, work);
        }
        for (int c = 0; c < k; c++) {
          for (int i = 0; i < p; i++) {
            col[i] = qty.data[i * k + c];
          }
          r.applyInverse(col);
          for (int i = 0; i < p; i++) {
            theta.data[piv[i] * k + c] = col[i];
          }
        }
        return theta;
      }
    };
  }

  @Override
  public DMatrixRMaj pseudoInverse(DMatrixRMaj x, double rcond) {
    Svd s = decompose(x, rcond);
    // X⁺ = (V S⁺) Uᵀ: scale V's columns, then one GEMM with a transposed right operand.
    CommonOps_DDRM.multCols(s.v, s.inverted);
    return ops.multTransB(s.v, s.u);
  }

  @Override
  public DMatrixRMaj svdSolve(DMatrixRMaj x, DMatrixRMaj y, double rcond) {
    Svd s = decompose(x, rcond);
    DMatrixRMaj uty = ops.multTransA(s.u, y);
    CommonOps_DDRM.multRows(s.inverted, uty);
    return ops.mult(s.v, uty);
  }

  /** U (n x r), V (p x r) and the thresholded reciprocals {@code σᵢ⁺}, r = min(n, p). */
  private record Svd(DMatrixRMaj u, DMatrixRMaj v, double[] inverted) {}

  private Svd decompose(DMatrixRMaj x, double rcond) {
    SingularValueDecomposition_F64<DMatrixRMaj> svd = ops.svd(x.numRows, x.numCols);
    // The SVD may overwrite its input; X belongs to the caller.
    DMatrixRMaj a = svd.inputModified() ? x.copy() : x;
    if (!svd.decompose(a)) {
      throw new ArithmeticException("SVD: EJML's implicit-QR SVD of the " + x.numRows + "x" + x.numCols
          + " matrix X did not converge");
    }
    int r = svd.numberOfSingularValues();
    double[] sigma = svd.getSingularValues();
    double max = 0;
    for (int i = 0; i < r; i++) {
      max = Math.max(max, sigma[i]);
    }
    double cutoff = rcond * max;
    double[] inverted = new double[r];
    for (int i = 0; i < r; i++) {
      inverted[i] = sigma[i] > cutoff ? 1.0 / sigma[i] : 0.0;
    }
    return new Svd(svd.getU(null, false), svd.getV(null, false), inverted);
  }
}
