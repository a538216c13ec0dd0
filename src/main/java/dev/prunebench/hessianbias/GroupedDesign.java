package dev.prunebench.hessianbias;

import dev.prunebench.linalg.Checks;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.util.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The grouped regression of paper eq. (4.4) / (B.17): D feature groups {@code Xᵢ ∈ ℝ^{n×pᵢ}} with
 * {@code pᵢ ≥ n}, a response {@code y ∈ ℝⁿ}, and the loss {@code L(θ) = ½‖y − Σᵢ Xᵢθᵢ‖²}. Group i
 * owns the consecutive coordinates {@code Δᵢ = [offset(i), offset(i) + pᵢ)} of θ.
 *
 * @param groups the Xᵢ, each n x pᵢ with pᵢ ≥ n (so PPLS holds with μᵢ = σ_min(Xᵢ)² when Xᵢ has full
 *     row rank); the list is copied, the matrices are immutable
 * @param y the n x 1 response
 */
public record GroupedDesign(List<Matrix> groups, Matrix y) {

  /** @throws IllegalArgumentException on an empty group list, mismatched rows, or some pᵢ &lt; n */
  public GroupedDesign {
    if (groups == null || groups.isEmpty()) {
      throw new IllegalArgumentException("groups: need at least one feature group, got " + groups);
    }
    groups = List.copyOf(groups);
    if (y == null || y.cols() != 1) {
      throw new IllegalArgumentException("y must be an n x 1 column, got " + y);
    }
    int n = y.rows();
    for (int i = 0; i < groups.size(); i++) {
      Matrix g = groups.get(i);
      if (g.rows() != n) {
        throw new IllegalArgumentException("groups[" + i + "] has " + g.rows() + " rows but y has " + n);
      }
      if (g.cols() < n) {
        throw new IllegalArgumentException("groups[" + i + "] is " + g.rows() + "x" + g.cols()
            + "; eq. (4.4) needs p_i >= n so that each group alone can interpolate");
      }
      Checks.requireFinite("groups[" + i + "]", g);
    }
    Checks.requireFinite("y", y);
  }

  /**
   * The experiment's instance: {@code Xᵢ = cᵢ Gᵢ} with independent standard Gaussian {@code Gᵢ}
   * (so the Hessian block of group i scales as cᵢ²) and {@code y ~ N(0, Iₙ)}, drawn from one seed
   * in a fixed order (G₁, …, G_D, y).
   *
   * @param seed seed of every random draw
   * @param n samples n ≥ 1
   * @param sizes the pᵢ, each ≥ n
   * @param scales the cᵢ, finite and &gt; 0
   */
  public static GroupedDesign scaledGaussian(long seed, int n, int[] sizes, double[] scales) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    if (sizes == null || scales == null || sizes.length == 0 || sizes.length != scales.length) {
      throw new IllegalArgumentException("sizes and scales must be non-empty and of equal length, got "
          + Arrays.toString(sizes) + " and " + Arrays.toString(scales));
    }
    RandomGenerator rng = Rng.of(seed);
    Matrix[] gs = new Matrix[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] < n) {
        throw new IllegalArgumentException("sizes[" + i + "] must be >= n = " + n + ", got " + sizes[i]);
      }
      if (!(scales[i] > 0) || Double.isInfinite(scales[i])) {
        throw new IllegalArgumentException("scales[" + i + "] must be finite and > 0, got " + scales[i]);
      }
      double[] d = Rng.gaussian(rng, n, sizes[i]).toArray();
      for (int k = 0; k < d.length; k++) {
        d[k] *= scales[i];
      }
      gs[i] = Matrix.wrap(n, sizes[i], d);
    }
    Matrix y = Matrix.wrap(n, 1, Rng.gaussian(rng, n, 1.0));
    return new GroupedDesign(List.of(gs), y);
  }

  /** Number of samples n. */
  public int samples() {
    return y.rows();
  }

  /** Number of groups D. */
  public int groupCount() {
    return groups.size();
  }

  /** The group sizes pᵢ. */
  public int[] sizes() {
    return groups.stream().mapToInt(Matrix::cols).toArray();
  }

  /** Total parameter count {@code p = Σ pᵢ}. */
  public int parameters() {
    return Arrays.stream(sizes()).sum();
  }

  /** First coordinate of group i in θ. */
  public int offset(int group) {
    int o = 0;
    for (int i = 0; i < group; i++) {
      o += groups.get(i).cols();
    }
    return o;
  }

  /** The full design {@code X = [X₁ … X_D]}, n x p. */
  public Matrix concatenated() {
    int n = samples();
    int p = parameters();
    double[] d = new double[n * p];
    int off = 0;
    for (Matrix g : groups) {
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < g.cols(); c++) {
          d[r * p + off + c] = g.get(r, c);
        }
      }
      off += g.cols();
    }
    return Matrix.wrap(n, p, d);
  }

  /**
   * The loss {@code L(θ) = ½‖y − Xθ‖²} of eq. (4.4), in plain Java, independent of every
   * backend (a reference for tests).
   *
   * @param theta length p, not modified
   */
  public double loss(double[] theta) {
    if (theta == null || theta.length != parameters()) {
      throw new IllegalArgumentException("theta: expected length " + parameters() + ", got "
          + (theta == null ? "null" : theta.length));
    }
    double s = 0;
    for (int r = 0; r < samples(); r++) {
      double pred = 0;
      int off = 0;
      for (Matrix g : groups) {
        for (int c = 0; c < g.cols(); c++) {
          pred += g.get(r, c) * theta[off + c];
        }
        off += g.cols();
      }
      double res = y.get(r, 0) - pred;
      s += res * res;
    }
    return 0.5 * s;
  }
}
