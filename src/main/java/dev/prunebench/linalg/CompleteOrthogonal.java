package dev.prunebench.linalg;

/**
 * The second half of a complete orthogonal decomposition (LAPACK {@code dtzrzf}, as used by the
 * driver {@code xGELSY}), written once for every backend: the r x b upper-trapezoidal block
 * {@code S = [R11 R12]} kept from a column-pivoted QR of numerical rank r is reduced by
 * orthogonal transformations from the right to {@code S = [T 0] Z}, T r x r upper triangular,
 * Z b x b orthogonal. Heap, row-major, O(r²(b − r)) for the reduction and O(r(b − r) + r²) per
 * right-hand side column.
 *
 * <p>The reduction (the RZ factorisation): for k = r−1 down to 0 a Householder reflector
 * {@code H_k = I − τ_k u_k u_kᵀ}, {@code u_k = e_k + Σ_{j ≥ r} v_kj e_j}, acting on column k and the
 * trailing columns r…b−1, zeros row k of S in those columns. Rows below k are already zero there
 * and in column k, so they are left unchanged, and columns k+1…r−1 are never touched:
 * {@code S H_{r−1} ⋯ H_0 = [T 0]}, hence {@code Z = H_0 H_1 ⋯ H_{r−1}}.
 *
 * <p>The two solves the minimum-norm flow needs ({@link MinNormSolver}):
 * <ul>
 *   <li>{@link #minNormSolve}: the minimum-norm w with {@code S w = c}, {@code w = Zᵀ [T⁻¹ c; 0]}
 *       (S has full row rank r, and w lies in its row space). For a tall X with
 *       {@code X P = Q [R11 R12; 0 R22]} and R22 dropped this is {@code Pᵀ θ} for {@code c = Q₁ᵀ y}.
 *   <li>{@link #leastSquaresTransposed}: the unique least-squares v of {@code Sᵀ v ≈ g},
 *       {@code v = T⁻ᵀ (Z g)₀…ᵣ₋₁} (Sᵀ has full column rank r). For a wide X, {@code Xᵀ P = Q R} gives
 *       {@code X ≈ P Sᵀ Q₁ᵀ} after dropping R22, so {@code θ = Q₁ v} with {@code g = Pᵀ y}.
 * </ul>
 */
public final class CompleteOrthogonal {
  private final double[] s;
  private final int r;
  private final int b;
  private final double[] tau;

  /**
   * Reduces {@code s} in place: afterwards its leading r x r upper triangle holds T and columns
   * r…b−1 of row k the tail of u_k.
   *
   * @param s r x b row-major, upper trapezoidal (entries below the diagonal are ignored); overwritten
   */
  public CompleteOrthogonal(double[] s, int r, int b) {
    if (r < 1 || r > b || s.length < r * b) {
      throw new IllegalArgumentException("COD needs an r x b block with 1 <= r <= b, got " + r + "x" + b);
    }
    this.s = s;
    this.r = r;
    this.b = b;
    this.tau = new double[r];
    int tail = b - r;
    for (int k = r - 1; k >= 0 && tail > 0; k--) {
      int rk = k * b;
      double alpha = s[rk + k];
      double xnorm = norm(s, rk + r, tail);
      if (xnorm == 0) {
        continue; // H_k = I
      }
      // dlarfg: β = −sign(α)‖(α, x)‖, τ = (β − α)/β, v = x/(α − β), so H_k (α, x) = (β, 0)
      double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
      tau[k] = (beta - alpha) / beta;
      double scal = 1.0 / (alpha - beta);
      for (int j = rk + r; j < rk + b; j++) {
        s[j] *= scal;
      }
      s[rk + k] = beta;
      // rows i < k from the right: s_i ← s_i − τ (s_i · u_k) u_kᵀ
      for (int i = 0; i < k; i++) {
        int ri = i * b;
        double dot = s[ri + k];
        for (int j = 0; j < tail; j++) {
          dot += s[ri + r + j] * s[rk + r + j];
        }
        double t = tau[k] * dot;
        s[ri + k] -= t;
        for (int j = 0; j < tail; j++) {
          s[ri + r + j] -= t * s[rk + r + j];
        }
      }
    }
  }

  /** The order r of T. */
  public int rank() {
    return r;
  }

  /**
   * {@code w = Zᵀ [T⁻¹ c; 0]}: the minimum-norm solution of {@code S w = c}.
   *
   * @param c r x k row-major, not modified
   * @return b x k row-major
   */
  public double[] minNormSolve(double[] c, int k) {
    double[] w = new double[b * k];
    System.arraycopy(c, 0, w, 0, r * k);
    double[] col = new double[b];
    for (int q = 0; q < k; q++) {
      for (int i = 0; i < r; i++) {
        col[i] = w[i * k + q];
      }
      java.util.Arrays.fill(col, r, b, 0);
      solveT(col);
      // Zᵀ = H_{r−1} ⋯ H_0: H_0 first
      for (int j = 0; j < r; j++) {
        reflect(j, col);
      }
      for (int i = 0; i < b; i++) {
        w[i * k + q] = col[i];
      }
    }
    return w;
  }

  /**
   * {@code v = T⁻ᵀ (Z g)₀…ᵣ₋₁}: the least-squares solution of {@code Sᵀ v ≈ g}.
   *
   * @param g b x k row-major, not modified
   * @return r x k row-major
   */
  public double[] leastSquaresTransposed(double[] g, int k) {
    double[] v = new double[r * k];
    double[] col = new double[b];
    for (int q = 0; q < k; q++) {
      for (int i = 0; i < b; i++) {
        col[i] = g[i * k + q];
      }
      // Z = H_0 ⋯ H_{r−1}: H_{r−1} first
      for (int j = r - 1; j >= 0; j--) {
        reflect(j, col);
      }
      solveTt(col);
      for (int i = 0; i < r; i++) {
        v[i * k + q] = col[i];
      }
    }
    return v;
  }

  /** {@code x ← H_j x} on a length-b vector. */
  private void reflect(int j, double[] x) {
    double t = tau[j];
    if (t == 0) {
      return;
    }
    int rj = j * b;
    double dot = x[j];
    for (int i = r; i < b; i++) {
      dot += s[rj + i] * x[i];
    }
    dot *= t;
    x[j] -= dot;
    for (int i = r; i < b; i++) {
      x[i] -= dot * s[rj + i];
    }
  }

  /** {@code x₀…ᵣ₋₁ ← T⁻¹ x₀…ᵣ₋₁}: back substitution. */
  private void solveT(double[] x) {
    for (int i = r - 1; i >= 0; i--) {
      double v = x[i];
      for (int j = i + 1; j < r; j++) {
        v -= s[i * b + j] * x[j];
      }
      x[i] = v / s[i * b + i];
    }
  }

  /** {@code x₀…ᵣ₋₁ ← T⁻ᵀ x₀…ᵣ₋₁}: forward substitution with Tᵀ. */
  private void solveTt(double[] x) {
    for (int j = 0; j < r; j++) {
      double v = x[j];
      for (int i = 0; i < j; i++) {
        v -= s[i * b + j] * x[i];
      }
      x[j] = v / s[j * b + j];
    }
  }

  /** Euclidean norm, scaled so that it neither overflows nor underflows. */
  private static double norm(double[] x, int off, int len) {
    double scale = 0;
    for (int i = 0; i < len; i++) {
      scale = Math.max(scale, Math.abs(x[off + i]));
    }
    if (scale == 0) {
      return 0;
    }
    double ss = 0;
    for (int i = 0; i < len; i++) {
      double v = x[off + i] / scale;
      ss += v * v;
    }
    return scale * Math.sqrt(ss);
  }
}
