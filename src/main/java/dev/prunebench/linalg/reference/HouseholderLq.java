package dev.prunebench.linalg.reference;

/**
 * Householder LQ factorisation {@code W = L Q} of a wide row-major r x c matrix W (r ≤ c): L is r x r
 * lower triangular and Q (r x c) has orthonormal rows, {@code Q = first r rows of H_r ⋯ H_1} with
 * reflectors {@code H_k = I − τ_k v_k v_kᵀ}, {@code v_k = (0, …, 0, 1, v_k,k+1, …, v_k,c−1)}.
 *
 * <p>Why LQ for both shapes: in row-major storage a reflector applied from the right works on rows,
 * so every inner loop (the dot product {@code w_i · v_k} and the update {@code w_i −= s v_k}) runs over
 * contiguous memory. A QR factorisation of a tall X (n ≥ p) is the LQ factorisation of {@code W = Xᵀ}
 * ({@code X = Qᵀ Lᵀ}, so {@code R = Lᵀ}); building that transposed copy costs O(np), against the
 * O(np²) of the factorisation, and the alternative, column-wise reflectors on a row-major X, reads
 * memory with stride p throughout.
 *
 * <p>Optional row pivoting ({@code P W = L Q}), the row-major transpose of LAPACK {@code dgeqp3}'s
 * column pivoting: step k first swaps in the remaining row with the largest norm right of column
 * k − 1, so {@code |L_00| ≥ |L_11| ≥ …} and a small {@code |L_kk|} reveals numerical rank k. Row norms
 * are downdated after each step and recomputed when cancellation makes the downdate unreliable
 * ({@code dlaqp2}'s test against √ε).
 *
 * <p>The reflectors follow LAPACK {@code dlarfg}: {@code β = −sign(α) ‖x‖}, {@code τ = (β − α)/β},
 * {@code v = x / (α − β)}, so {@code H x = β e₁} and no cancellation occurs.
 */
final class HouseholderLq {
  private final double[] w;
  private final int r;
  private final int c;
  private final double[] tau;
  private final int[] perm;

  /**
   * Factorises {@code w} in place without pivoting: afterwards its lower triangle holds L and the
   * part right of the diagonal holds the reflector tails.
   *
   * @param w r x c row-major, r ≤ c; overwritten
   */
  HouseholderLq(double[] w, int r, int c) {
    this(w, r, c, false);
  }

  /**
   * Factorises {@code w} in place, with row pivoting if {@code pivot}; {@link #permutation()} then
   * says which original row ended up in each position.
   *
   * @param w r x c row-major, r ≤ c; overwritten
   */
  HouseholderLq(double[] w, int r, int c, boolean pivot) {
    if (r > c) {
      throw new IllegalArgumentException("LQ needs a wide matrix, got " + r + "x" + c);
    }
    this.w = w;
    this.r = r;
    this.c = c;
    this.tau = new double[r];
    this.perm = new int[r];
    for (int i = 0; i < r; i++) {
      perm[i] = i;
    }
    double[] vn1 = null;
    double[] vn2 = null;
    if (pivot) {
      vn1 = new double[r];
      vn2 = new double[r];
      for (int i = 0; i < r; i++) {
        vn1[i] = norm(w, i * c, c);
        vn2[i] = vn1[i];
      }
    }
    double tol3z = Math.sqrt(Math.ulp(1.0));
    for (int k = 0; k < r; k++) {
      int rk = k * c;
      if (pivot) {
        int best = k;
        for (int i = k + 1; i < r; i++) {
          if (vn1[i] > vn1[best]) {
            best = i;
          }
        }
        if (best != k) {
          swapRows(k, best);
          double t = vn1[k];
          vn1[k] = vn1[best];
          vn1[best] = t;
          t = vn2[k];
          vn2[k] = vn2[best];
          vn2[best] = t;
          int pi = perm[k];
          perm[k] = perm[best];
          perm[best] = pi;
        }
      }
      int tail = c - k - 1;
      double alpha = w[rk + k];
      double xnorm = norm(w, rk + k + 1, tail);
      if (xnorm == 0) {
        tau[k] = 0; // H_k = I: the row is already zero right of the diagonal
      } else {
        double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        tau[k] = (beta - alpha) / beta;
        double scal = 1.0 / (alpha - beta);
        for (int j = rk + k + 1; j < rk + c; j++) {
          w[j] *= scal;
        }
        w[rk + k] = beta;
        for (int i = k + 1; i < r; i++) {
          int ri = i * c;
          double s = tau[k] * (w[ri + k] + Level1.dot(w, ri + k + 1, w, rk + k + 1, tail));
          w[ri + k] -= s;
          Level1.axpy(-s, w, rk + k + 1, w, ri + k + 1, tail);
        }
      }
      if (pivot) {
        for (int i = k + 1; i < r; i++) {
          if (vn1[i] == 0) {
            continue;
          }
          double ratio = Math.abs(w[i * c + k]) / vn1[i];
          double temp = Math.max(0, 1 - ratio * ratio);
          double q = vn1[i] / vn2[i];
          if (temp * q * q <= tol3z) {
            vn1[i] = norm(w, i * c + k + 1, tail);
            vn2[i] = vn1[i];
          } else {
            vn1[i] *= Math.sqrt(temp);
          }
        }
      }
    }
  }

  private void swapRows(int a, int b) {
    double[] t = new double[c];
    System.arraycopy(w, a * c, t, 0, c);
    System.arraycopy(w, b * c, w, a * c, c);
    System.arraycopy(t, 0, w, b * c, c);
  }

  /** {@code permutation()[k]} is the original row now in position k ({@code (P W)_k = W_perm[k]}). */
  int[] permutation() {
    return perm;
  }

  /** The upper-triangular {@code R = Lᵀ} as a view, for the condition estimate. */
  dev.prunebench.linalg.Triangle upperFactor() {
    return dev.prunebench.linalg.Triangle.transposeOfLowerRowMajor(w, r, c);
  }

  /** {@code L_ij}, i ≥ j. */
  double l(int i, int j) {
    return w[i * c + j];
  }

  int rows() {
    return r;
  }

  /** The r x r lower-triangular L as a fresh row-major array. */
  double[] lowerFactor() {
    double[] l = new double[r * r];
    for (int i = 0; i < r; i++) {
      System.arraycopy(w, i * c, l, i * r, i + 1);
    }
    return l;
  }

  /**
   * {@code Z ← H_r ⋯ H_1 Z} for a c x k row-major Z; its first r rows are then {@code Q Z}.
   */
  void applyQ(double[] z, int k) {
    for (int j = 0; j < r; j++) {
      reflect(j, z, k);
    }
  }

  /**
   * {@code Z ← H_1 ⋯ H_r Z} for a c x k row-major Z; for Z = [M; 0] that is {@code Qᵀ M}.
   */
  void applyQt(double[] z, int k) {
    for (int j = r - 1; j >= 0; j--) {
      reflect(j, z, k);
    }
  }

  /** {@code Z ← H_j Z = Z − τ_j v_j (v_jᵀ Z)}. */
  private void reflect(int j, double[] z, int k) {
    double t = tau[j];
    if (t == 0) {
      return;
    }
    int rj = j * c;
    int tail = c - j - 1;
    if (k == 1) {
      double s = t * (z[j] + Level1.dot(w, rj + j + 1, z, j + 1, tail));
      z[j] -= s;
      Level1.axpy(-s, w, rj + j + 1, z, j + 1, tail);
      return;
    }
    double[] s = new double[k];
    System.arraycopy(z, j * k, s, 0, k);
    for (int q = 1; q <= tail; q++) {
      Level1.axpy(w[rj + j + q], z, (j + q) * k, s, 0, k);
    }
    for (int col = 0; col < k; col++) {
      s[col] *= t;
      z[j * k + col] -= s[col];
    }
    for (int q = 1; q <= tail; q++) {
      Level1.axpy(-w[rj + j + q], s, 0, z, (j + q) * k, k);
    }
  }

  /** Solves {@code L U = Y} in place for an r x k row-major Y (forward substitution). */
  void solveL(double[] y, int k) {
    for (int i = 0; i < r; i++) {
      int ri = i * c;
      int yi = i * k;
      for (int j = 0; j < i; j++) {
        Level1.axpy(-w[ri + j], y, j * k, y, yi, k);
      }
      double inv = 1.0 / w[ri + i];
      for (int col = 0; col < k; col++) {
        y[yi + col] *= inv;
      }
    }
  }

  /** Solves {@code Lᵀ Θ = B} in place for an r x k row-major B (back substitution by rows of L). */
  void solveLt(double[] b, int k) {
    for (int i = r - 1; i >= 0; i--) {
      int ri = i * c;
      int bi = i * k;
      double inv = 1.0 / w[ri + i];
      for (int col = 0; col < k; col++) {
        b[bi + col] *= inv;
      }
      for (int j = 0; j < i; j++) {
        Level1.axpy(-w[ri + j], b, bi, b, j * k, k);
      }
    }
  }

  /** Euclidean norm, scaled by the largest entry so that it neither overflows nor underflows. */
  static double norm(double[] x, int off, int len) {
    double scale = 0;
    for (int p = 0; p < len; p++) {
      scale = Math.max(scale, Math.abs(x[off + p]));
    }
    if (scale == 0) {
      return 0;
    }
    double inv = 1.0 / scale;
    double ss = 0;
    for (int p = 0; p < len; p++) {
      double v = x[off + p] * inv;
      ss += v * v;
    }
    return scale * Math.sqrt(ss);
  }
}
