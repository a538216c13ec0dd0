package dev.prunebench.linalg;

/**
 * Minimum-norm least squares, the pseudo-inverse and the least-squares Hessian diagonal.
 *
 * <p>Notation (paper Section 3): X is n x p (rows are samples), y is n x k (k ≥ 1 right-hand
 * sides, usually k = 1), θ is p x k. The minimum-norm solution {@code θ = X⁺ y} is the unique
 * minimiser of {@code ‖y − Xθ‖²} with the smallest {@code ‖θ‖} (paper eq. 3.2); for n &lt; p and
 * full row rank it interpolates, {@code Xθ = y}, and lies in the row space of X.
 *
 * <p>The rcond rule, shared by every backend: singular values {@code σᵢ ≤ rcond · σ_max} are treated
 * as zero. The default is {@link #defaultRcond(int, int)} = {@code ε · max(n, p)} (the LAPACK /
 * NumPy convention).
 *
 * @param <M> library-native matrix type
 */
public interface LeastSquares<M> {

  /** {@code ε · max(n, p)}, with ε = 2⁻⁵² the double-precision machine epsilon. */
  static double defaultRcond(int n, int p) {
    return Math.ulp(1.0) * Math.max(n, p);
  }

  /**
   * Minimum-norm least squares {@code θ = X⁺ y}.
   *
   * @param x n x p design, not modified; entries must be finite
   * @param y n x k right-hand sides, not modified; entries must be finite
   * @param algorithm factorisation to use
   * @param rcond relative singular-value cutoff in [0, 1): SVD drops σᵢ ≤ rcond·σ_max; a rank-revealing QR
   *     drops the rows of R past the first |R_kk| ≤ rcond·|R_00| (complete orthogonal decomposition), CHOLESKY
   *     and an unpivoted QR refuse where SVD would drop one (see {@link LeastSquaresAlgorithm}); {@code NaN}
   *     means the default
   * @return θ, p x k
   * @throws IllegalArgumentException on a dimension mismatch or a non-finite entry
   * @throws RankDeficientException if {@code algorithm} refuses X by its rule in {@link LeastSquaresAlgorithm},
   *     or {@link UnrepresentableResultException} if an entry of θ overflows
   */
  M solveMinNorm(M x, M y, LeastSquaresAlgorithm algorithm, double rcond);

  /** {@link #solveMinNorm(Object, Object, LeastSquaresAlgorithm, double)} with the default rcond. */
  default M solveMinNorm(M x, M y, LeastSquaresAlgorithm algorithm) {
    return solveMinNorm(x, y, algorithm, Double.NaN);
  }

  /** {@link #solveMinNorm(Object, Object, LeastSquaresAlgorithm)} with {@link LeastSquaresAlgorithm#DEFAULT}. */
  default M solveMinNorm(M x, M y) {
    return solveMinNorm(x, y, LeastSquaresAlgorithm.DEFAULT);
  }

  /**
   * The Moore–Penrose pseudo-inverse {@code X⁺ = V S⁺ Uᵀ} through the SVD, with the rcond rule.
   *
   * @param x n x p, not modified; entries must be finite
   * @param rcond relative cutoff in [0, 1); {@code NaN} means {@link #defaultRcond(int, int)}
   * @return X⁺, p x n
   */
  M pseudoInverse(M x, double rcond);

  /** {@link #pseudoInverse(Object, double)} with the default rcond. */
  default M pseudoInverse(M x) {
    return pseudoInverse(x, Double.NaN);
  }

  /**
   * Diagonal of the Hessian of the training loss {@code L̂(θ) = (1/n)‖y − Xθ‖²} (paper eq. 3.1):
   * {@code H_jj = (2/n) Σᵢ X_ij²}. It does not depend on θ or y.
   *
   * @param x n x p, not modified
   * @return 1 x p row vector
   */
  M lsHessianDiagonal(M x);

  /** Resolves the {@code NaN} "use the default" marker and validates an explicit rcond. */
  static double resolveRcond(double rcond, int n, int p) {
    if (Double.isNaN(rcond)) {
      return defaultRcond(n, p);
    }
    Checks.requireRcond(rcond);
    return rcond;
  }
}
