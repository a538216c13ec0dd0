package dev.prunebench.linalg.ejml;

import dev.prunebench.linalg.Checks;
import dev.prunebench.linalg.PowerOfTwoScaling;
import dev.prunebench.linalg.LeastSquares;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.RankDeficientException;
import org.ejml.data.DMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.ejml.dense.row.decomposition.qr.QrHelperFunctions_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Minimum-norm least squares {@code θ = X⁺ y} (paper eq. 3.2) and the pseudo-inverse on EJML's
 * decompositions. X is n x p, y is n x k.
 *
 * <ul>
 *   <li><b>CHOLESKY</b> (normal equations). n &lt; p: {@code G = X Xᵀ} by {@code multOuter},
 *       {@code G Z = y}, {@code θ = Xᵀ Z}; n ≥ p: {@code G = Xᵀ X} by {@code multInner},
 *       {@code G θ = Xᵀ y} (large X: the Gram product in block format, see {@link EjmlOps}). Solved
 *       with {@code LinearSolverFactory_(MT_)DDRM.symmPosDef}.
 *   <li><b>QR</b>. n ≥ p: EJML's Householder least-squares solver ({@code leastSquares}, blocked
 *       for large X), {@code θ = R⁻¹ Qᵀ y}. n &lt; p: LQ of X as the QR of Xᵀ = Q R, so
 *       X = Rᵀ Qᵀ and the minimum-norm solution is {@code θ = Q R⁻ᵀ y}: forward substitution with
 *       Rᵀ, then the n Householder reflectors applied to {@code [z; 0]} in reverse order (Q is never
 *       formed).
 *   <li><b>SVD</b>. {@code θ = V S⁺ Uᵀ y} from EJML's implicit-QR SVD, with the project's rcond
 *       rule applied here ({@code σᵢ ≤ rcond · σ_max} → 0). EJML's own pseudo-inverse solver uses a
 *       different cutoff ({@code σ < ε · max(n, p) · σ_max}, strict) and divides by an exactly zero
 *       σ when the cutoff is 0, so it is not used.
 * </ul>
 *
 * <p>Rank tests (full rank is required by CHOLESKY and QR). Cholesky: the factorisation fails or a
 * pivot {@code L_jj² ≤ ε · max(n, p) · max_i G_ii} (the reference backend's rule). Every pivot is
 * at least {@code λ_min(G)} and at most {@code max_i G_ii ≤ λ_max(G)}, so the test fires only when
 * {@code cond(G) = cond(X)² ≥ 1/(ε max(n, p))}: beyond that the normal equations carry no correct
 * digit, and an exactly rank-deficient X leaves a pivot at rounding level. QR: some
 * {@code |R_jj| ≤ ε · max(n, p) · max_i |R_ii|}, the default rcond applied to R's diagonal (every
 * {@code |R_jj|} lies between σ_min(X) and σ_max(X), so this never fires below
 * {@code cond(X) = 1/(ε max(n, p))}).
 *
 * <p>X and y with entries outside {@code [2^-256, 2^256)} are first scaled by powers of two (exact),
 * so no algorithm over- or underflows on them.
 */
final class EjmlLeastSquares {
  private final EjmlOps ops;

  EjmlLeastSquares(EjmlOps ops) {
    this.ops = ops;
  }

  DMatrixRMaj solveMinNorm(DMatrixRMaj x, DMatrixRMaj y, LeastSquaresAlgorithm algorithm, double rcond) {
    if (algorithm == null) {
      throw new IllegalArgumentException("algorithm must be one of CHOLESKY, QR, SVD, got null");
    }
    Checks.requireRhs(x.numRows, x.numCols, y.numRows, y.numCols);
    double cutoff = LeastSquares.resolveRcond(rcond, x.numRows, x.numCols);
    EjmlBackend.requireFinite("x", x);
    EjmlBackend.requireFinite("y", y);
    int ex = scaleExponent(x);
    int ey = scaleExponent(y);
    DMatrixRMaj xs = scaled(x, ex);
    DMatrixRMaj ys = scaled(y, ey);
    DMatrixRMaj theta = switch (algorithm) {
      case CHOLESKY -> xs.numRows < xs.numCols ? choleskyWide(xs, ys) : choleskyTall(xs, ys);
      case QR -> xs.numRows < xs.numCols ? lqWide(xs, ys) : qrTall(xs, ys);
      case SVD -> svd(xs, ys, cutoff);
    };
    return unscale(theta, ey - ex);
  }

  /**
   * 0 if X's largest |entry| lies in {@code [2^-256, 2^256)} (or X = 0), else its binary exponent.
   * Outside that range the Gram matrix of CHOLESKY would overflow or underflow;
   * scaling by a power of two is exact and {@code (2^a X)⁺ (2^b y) = 2^(b−a) X⁺ y} undoes it (the
   * reference backend's rule). Inside the range nothing is copied.
   */
  private static int scaleExponent(DMatrixRMaj m) {
    return PowerOfTwoScaling.exponentOfMax(CommonOps_DDRM.elementMaxAbs(m));
  }

  private static DMatrixRMaj scaled(DMatrixRMaj m, int e) {
    if (e == 0) {
      return m;
    }
    DMatrixRMaj s = new DMatrixRMaj(m.numRows, m.numCols);
    for (int k = 0, size = m.getNumElements(); k < size; k++) {
      s.data[k] = Math.scalb(m.data[k], -e);
    }
    return s;
  }

  /** Multiplies by {@code 2^e} in place; per entry, because {@code 2^e} alone may overflow. */
  private static DMatrixRMaj unscale(DMatrixRMaj m, int e) {
    if (e != 0) {
      for (int k = 0, size = m.getNumElements(); k < size; k++) {
        m.data[k] = Math.scalb(m.data[k], e);
      }
    }
    return m;
  }

  DMatrixRMaj pseudoInverse(DMatrixRMaj x, double rcond) {
    double cutoff = LeastSquares.resolveRcond(rcond, x.numRows, x.numCols);
    EjmlBackend.requireFinite("x", x);
    int ex = scaleExponent(x);
    Svd s = decompose(scaled(x, ex), cutoff);
    // X⁺ = (V S⁺) Uᵀ: scale V's columns, then one GEMM with a transposed right operand.
    CommonOps_DDRM.multCols(s.v, s.inverted);
    return unscale(ops.multTransB(s.v, s.u), -ex);
  }

  private DMatrixRMaj choleskyWide(DMatrixRMaj x, DMatrixRMaj y) {
    DMatrixRMaj z = solveGram(ops.gramOuter(x), y, "X Xᵀ", x.numCols);
    return ops.multTransA(x, z);
  }

  private DMatrixRMaj choleskyTall(DMatrixRMaj x, DMatrixRMaj y) {
    return solveGram(ops.gramInner(x), ops.multTransA(x, y), "Xᵀ X", x.numRows);
  }

  /** @param otherDim the design's other dimension, so that {@code max(m, otherDim) = max(n, p)} */
  private DMatrixRMaj solveGram(DMatrixRMaj gram, DMatrixRMaj rhs, String name, int otherDim) {
    int m = gram.numRows;
    double maxDiag = 0;
    for (int i = 0; i < m; i++) {
      maxDiag = Math.max(maxDiag, gram.unsafe_get(i, i));
    }
    double tol = LeastSquares.defaultRcond(m, otherDim) * maxDiag;
    LinearSolverDense<DMatrixRMaj> solver = ops.cholesky(m);
    // The Gram matrix is our own temporary, so the solver may factor it in place.
    if (!solver.setA(gram)) {
      throw notPositiveDefinite(name, m, "the factorisation met a non-positive pivot");
    }
    CholeskyDecomposition_F64<?> chol = solver.getDecomposition();
    DMatrix l = (DMatrix) chol.getT(null);
    for (int j = 0; j < m; j++) {
      double pivot = l.get(j, j) * l.get(j, j);
      if (!(pivot > tol)) {
        throw notPositiveDefinite(name, m, String.format("pivot %d is %.3e <= ε·max(n, p)·max diag = %.3e",
            j, pivot, tol));
      }
    }
    DMatrixRMaj out = new DMatrixRMaj(m, rhs.numCols);
    // In the n < p case rhs is the caller's y.
    solver.solve(solver.modifiesB() ? rhs.copy() : rhs, out);
    return out;
  }

  private static RankDeficientException notPositiveDefinite(String gram, int m, String why) {
    return new RankDeficientException("CHOLESKY: the " + m + "x" + m + " Gram matrix " + gram
        + " is not positive definite (" + why + "): X is rank-deficient or too ill-conditioned for the"
        + " normal equations; use SVD");
  }

  private DMatrixRMaj qrTall(DMatrixRMaj x, DMatrixRMaj y) {
    LinearSolverDense<DMatrixRMaj> solver = ops.leastSquaresQr(x.numRows, x.numCols);
    if (!solver.setA(solver.modifiesA() ? x.copy() : x)) {
      throw new RankDeficientException("QR: EJML's Householder QR of the " + x.numRows + "x" + x.numCols
          + " matrix X failed; use SVD");
    }
    QRDecomposition<?> qr = solver.getDecomposition();
    requireFullRankR((DMatrix) qr.getR(null, true), x.numRows, x.numCols, "X");
    DMatrixRMaj theta = new DMatrixRMaj(x.numCols, y.numCols);
    solver.solve(solver.modifiesB() ? y.copy() : y, theta);
    return theta;
  }

  private DMatrixRMaj lqWide(DMatrixRMaj x, DMatrixRMaj y) {
    int n = x.numRows;
    int p = x.numCols;
    int k = y.numCols;
    DMatrixRMaj xt = CommonOps_DDRM.transpose(x, null);
    QRDecompositionHouseholderColumn_DDRM qr = ops.householderQr();
    if (!qr.decompose(xt)) {
      throw new RankDeficientException("QR: EJML's Householder QR of Xᵀ (" + p + "x" + n + ") failed; use SVD");
    }
    DMatrixRMaj r = qr.getR((DMatrixRMaj) null, true);
    requireFullRankR(r, n, p, "Xᵀ");
    // z = R⁻ᵀ y, column by column; then θ = Q [z; 0].
    DMatrixRMaj theta = new DMatrixRMaj(p, k);
    double[] col = new double[n];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < n; i++) {
        col[i] = y.data[i * k + c];
      }
      TriangularSolver_DDRM.solveTranU(r.data, col, n);
      for (int i = 0; i < n; i++) {
        theta.data[i * k + c] = col[i];
      }
    }
    // Q = H_0 H_1 … H_{n−1}; H_j = I − γ_j u_j u_jᵀ acts on rows j..p−1, u_j[j] = 1 implicitly.
    double[][] reflectors = qr.getQR();
    double[] gammas = qr.getGammas();
    double[] work = new double[k];
    for (int j = n - 1; j >= 0; j--) {
      QrHelperFunctions_DDRM.rank1UpdateMultR_u0(theta, reflectors[j], 1.0, gammas[j], 0, j, p, work);
    }
    return theta;
  }

  private static void requireFullRankR(DMatrix r, int n, int p, String factored) {
    double[] diag = new double[Math.min(r.getNumRows(), r.getNumCols())];
    for (int i = 0; i < diag.length; i++) {
      diag[i] = r.get(i, i);
    }
    RankDeficientException.requireFullRankTriangle(diag, n, p, "QR of " + factored);
  }


  private DMatrixRMaj svd(DMatrixRMaj x, DMatrixRMaj y, double rcond) {
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
