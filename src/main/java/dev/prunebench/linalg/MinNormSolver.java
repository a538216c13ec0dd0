package dev.prunebench.linalg;

/**
 * The one minimum-norm flow behind {@link LeastSquares#solveMinNorm} and
 * {@link LeastSquares#pseudoInverse} on every backend (paper eq. 3.2, {@code θ = X⁺ y}); a backend
 * supplies only its factorisations through {@link MinNormKernels}.
 *
 * <p>Order of the steps, identical everywhere, and each one's error:
 * <ol>
 *   <li>validation: algorithm not null, {@code y} has n rows, rcond in [0, 1), X finite, y finite
 *       ({@link IllegalArgumentException} naming the argument and the first bad entry);
 *   <li>scaling by exact powers of two ({@link Scaling}): for CHOLESKY and QR the LAPACK
 *       {@code dgeequ}/{@code dlaqge} equilibration restricted to the side that keeps the answer,
 *       for SVD and {@code X⁺} only the global {@link PowerOfTwoScaling};
 *   <li>the backend's factorisation of the scaled problem;
 *   <li>refusal rules on that scaled problem, by {@link ConditionEstimator} (see
 *       {@link LeastSquaresAlgorithm} for each rule and its constant), {@link RankDeficientException};
 *       for a pivoted QR the rank decision on its diagonal, and at numerical rank r &lt; min(n, p) the
 *       complete orthogonal decomposition ({@link CompleteOrthogonal}; on {@code 2^g X} when the
 *       equilibration was not uniform, since it would change which solution has minimum norm);
 *   <li>the solve, unscaling, and a check that every entry of the result is finite
 *       ({@link UnrepresentableResultException} otherwise).
 * </ol>
 *
 * @param <M> the backend's native matrix type
 */
public final class MinNormSolver<M> {
  private static final double EPS = Math.ulp(1.0);

  private final MinNormKernels<M> kernels;

  public MinNormSolver(MinNormKernels<M> kernels) {
    this.kernels = kernels;
  }

  /** {@link LeastSquares#solveMinNorm(Object, Object, LeastSquaresAlgorithm, double)}. */
  public M solve(M x, M y, LeastSquaresAlgorithm algorithm, double rcond) {
    if (algorithm == null) {
      throw new IllegalArgumentException("algorithm must be one of CHOLESKY, QR, SVD, got null");
    }
    int n = kernels.rows(x);
    int p = kernels.cols(x);
    Checks.requireRhs(n, p, kernels.rows(y), kernels.cols(y));
    double rc = LeastSquares.resolveRcond(rcond, n, p);
    double[] rowMax = rowMaxFinite("X", x);
    double[] yRowMax = rowMaxFinite("y", y);
    Scaling s = algorithm == LeastSquaresAlgorithm.SVD ? Scaling.global(rowMax, p)
        : Scaling.equilibrate(rowMax, n, p, rowExp -> kernels.columnMaxAbs(x, rowExp));
    M theta = scaledSolve(x, y, algorithm, rc, s, yRowMax);
    if (theta == null) {
      // QR found the equilibrated X̃ rank-deficient: its minimum-norm solution is not X's, so the
      // rank decision and the complete orthogonal decomposition are redone on 2^g X, as SVD sees it
      theta = scaledSolve(x, y, algorithm, rc, Scaling.global(rowMax, p), yRowMax);
    }
    return requireRepresentable(theta, "solveMinNorm/" + algorithm.cliName(), "θ = X⁺y");
  }

  /** Steps 3–5 on {@code X̃ = D_r X D_c}; null only when QR must be redone without equilibration. */
  private M scaledSolve(M x, M y, LeastSquaresAlgorithm algorithm, double rc, Scaling s, double[] yRowMax) {
    int n = kernels.rows(x);
    int p = kernels.cols(x);
    int[] yExp = s.rhsExponents(yRowMax);
    M xs = s.isIdentityOnX() ? x : kernels.scaled(x, s.rowExp(), s.colExp());
    M ys = Scaling.isZero(yExp) ? y : kernels.scaled(y, yExp, new int[kernels.cols(y)]);
    try {
      M theta = switch (algorithm) {
        case CHOLESKY -> cholesky(xs, ys, n, p, rc);
        case QR -> qr(xs, ys, n, p, rc, s.isUniformOnX());
        case SVD -> kernels.svdSolve(xs, ys, rc);
      };
      int[] thetaExp = s.solutionExponents();
      if (theta != null && !Scaling.isZero(thetaExp)) {
        kernels.scaleRowsInPlace(theta, thetaExp);
      }
      return theta;
    } finally {
      if (xs != x) {
        kernels.release(xs);
      }
      if (ys != y) {
        kernels.release(ys);
      }
    }
  }

  /** {@link LeastSquares#pseudoInverse(Object, double)}: SVD with the global power-of-two scaling. */
  public M pseudoInverse(M x, double rcond) {
    int n = kernels.rows(x);
    int p = kernels.cols(x);
    double rc = LeastSquares.resolveRcond(rcond, n, p);
    double[] rowMax = rowMaxFinite("X", x);
    Scaling s = Scaling.global(rowMax, p);
    M xs = s.isIdentityOnX() ? x : kernels.scaled(x, s.rowExp(), s.colExp());
    try {
      M pinv = kernels.pseudoInverse(xs, rc);
      // X̃ = 2^g X has X̃⁺ = 2^-g X⁺, so X⁺ = 2^g X̃⁺: every row of the result times 2^g
      int g = s.rowExp()[0];
      if (g != 0) {
        int[] e = new int[p];
        java.util.Arrays.fill(e, g);
        kernels.scaleRowsInPlace(pinv, e);
      }
      return requireRepresentable(pinv, "pseudoInverse", "X⁺");
    } finally {
      if (xs != x) {
        kernels.release(xs);
      }
    }
  }

  private M cholesky(M x, M y, int n, int p, double rcond) {
    String gram = n < p ? "X Xᵀ" : "Xᵀ X";
    try (MinNormKernels.CholeskyFactor<M> f = kernels.gramCholesky(x)) {
      if (!f.positiveDefinite()) {
        throw RankDeficientException.notPositiveDefinite(gram, f.order(), n, p);
      }
      // κ₁(G) = ‖G‖₁ ‖G⁻¹‖₁ (dpocon); refuse when the normal equations' forward-error bound
      // ε·max(n, p)·κ(G) reaches 1, or when the estimated κ(X) = √κ(G) reaches 1/rcond.
      double kappa = f.gramNorm1() * ConditionEstimator.inverseNorm1(f);
      double tol = Math.max(EPS * Math.max(n, p), rcond * rcond);
      if (!(kappa * tol < 1)) {
        throw RankDeficientException.illConditioned(LeastSquaresAlgorithm.CHOLESKY, "κ₁(" + gram + ")", kappa,
            "max(ε·max(n, p), rcond²)", tol, n, p);
      }
      return f.solve(y);
    }
  }

  /**
   * @param codAllowed whether X̃ is X times a power of two; when not and the pivoted diagonal
   *     reveals rank deficiency, returns null (the caller refactors without equilibration)
   */
  private M qr(M x, M y, int n, int p, double rcond, boolean codAllowed) {
    String factored = n >= p ? "X" : "Xᵀ";
    try (MinNormKernels.QrFactor<M> f = kernels.qr(x)) {
      double tol = Math.max(EPS * Math.max(n, p), rcond);
      boolean pivoted = f instanceof MinNormKernels.PivotedQrFactor;
      double top = f.diagonalAbs(0);
      int rank = f.order();
      for (int k = 0; k < f.order(); k++) {
        double d = f.diagonalAbs(k);
        // With pivoting |R_kk| is non-increasing and |R_kk| ≤ tol·|R_00| reveals numerical rank k
        // (the rcond rule of SVD read off the pivoted diagonal); without, only an exact zero is certain.
        if (pivoted ? !(d > tol * top) : !(d > 0)) {
          if (!pivoted) {
            throw RankDeficientException.exactlySingular(k, factored, n, p);
          }
          rank = k;
          break;
        }
      }
      if (rank < f.order() && !codAllowed) {
        return null;
      }
      if (rank == 0) {
        return kernels.fromRowMajor(p, kernels.cols(y), new double[p * kernels.cols(y)]); // X ≈ 0: θ = 0
      }
      if (rank < f.order()) {
        return completeOrthogonal((MinNormKernels.PivotedQrFactor<M>) f, y, n, p, rank, tol);
      }
      double kappa = f.norm1() * ConditionEstimator.inverseNorm1(f);
      if (!(kappa * tol < 1)) {
        throw RankDeficientException.illConditioned(LeastSquaresAlgorithm.QR,
            "κ₁(R) of the QR of " + factored, kappa, "max(ε·max(n, p), rcond)", tol, n, p);
      }
      return f.solve(y);
    }
  }

  /**
   * Numerical rank r &lt; min(n, p) on a pivoted QR {@code A P = Q [R11 R12; 0 R22]}: R22 is dropped
   * (its entries are at most about {@code tol·|R_00|}, what SVD's rcond would drop too) and the
   * minimum-norm solution of the truncated problem comes from the complete orthogonal decomposition,
   * {@code [R11 R12] = [T 0] Z} ({@link CompleteOrthogonal}), as LAPACK {@code xGELSY}:
   * <ul>
   *   <li>n ≥ p ({@code X P = Q R}): {@code θ = P Zᵀ [T⁻¹ Q₁ᵀ y; 0]};
   *   <li>n &lt; p ({@code Xᵀ P = Q R}, so {@code X ≈ P [R11 R12]ᵀ Q₁ᵀ}): {@code θ = Q₁ T⁻ᵀ (Z Pᵀ y)₀…ᵣ₋₁}.
   * </ul>
   * The kept block R11 must itself pass the condition rule: refused otherwise.
   */
  private M completeOrthogonal(MinNormKernels.PivotedQrFactor<M> f, M y, int n, int p, int rank, double tol) {
    int b = f.order();
    int k = kernels.cols(y);
    double[] s = f.upperRows(rank);
    Triangle r11 = new Triangle(s, rank, 0, b, 1);
    double kappa = r11.norm1() * ConditionEstimator.inverseNorm1(r11);
    if (!(kappa * tol < 1)) {
      throw RankDeficientException.illConditioned(LeastSquaresAlgorithm.QR, "κ₁(R11) of the rank-" + rank
          + " block of the pivoted QR of " + (n >= p ? "X" : "Xᵀ"), kappa, "max(ε·max(n, p), rcond)", tol, n, p);
    }
    CompleteOrthogonal cod = new CompleteOrthogonal(s, rank, b);
    int[] perm = f.permutation();
    if (n >= p) {
      double[] w = cod.minNormSolve(f.qTransposeTimes(y, rank), k);
      double[] theta = new double[p * k];
      for (int i = 0; i < p; i++) {
        System.arraycopy(w, i * k, theta, perm[i] * k, k); // θ = P w
      }
      return kernels.fromRowMajor(p, k, theta);
    }
    double[] yd = kernels.toRowMajor(y);
    double[] g = new double[n * k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(yd, perm[i] * k, g, i * k, k); // g = Pᵀ y
    }
    return f.qTimes(cod.leastSquaresTransposed(g, k), rank, k);
  }

  private double[] rowMaxFinite(String name, M m) {
    double[] rowMax = kernels.rowMaxAbs(m);
    for (double v : rowMax) {
      if (!Double.isFinite(v)) {
        // a NaN or ±∞ entry makes its row maximum non-finite: only then scan again to name it
        MinNormKernels.Entry e = kernels.firstNonFinite(m);
        throw new IllegalArgumentException(name + ": entry (" + e.row() + ", " + e.col() + ") is " + e.value()
            + "; inputs must be finite");
      }
    }
    return rowMax;
  }

  private M requireRepresentable(M result, String kernel, String what) {
    MinNormKernels.Entry e = kernels.firstNonFinite(result);
    if (e != null) {
      kernels.release(result);
      throw new UnrepresentableResultException(kernel + ": entry (" + e.row() + ", " + e.col() + ") of " + what
          + " is " + e.value() + ": the result is not representable in double precision (its magnitude "
          + "exceeds " + Double.MAX_VALUE + "), so no algorithm can return it; rescale X or y");
    }
    return result;
  }
}
