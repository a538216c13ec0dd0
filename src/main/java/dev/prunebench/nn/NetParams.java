package dev.prunebench.nn;

import dev.prunebench.linalg.Checks;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;

/**
 * The weights θ = (W, V) of the two-layer network {@code f(x) = V · ReLU(W x)} of paper Section 4,
 * W ∈ ℝ^{m×d} (input layer), V ∈ ℝ^{K×m} (output layer), no biases. The same shape also carries
 * things indexed like the weights: gradients, the Hessian diagonal, 0/1 pruning masks.
 *
 * <p>Flattened order (for global pruning, Definition 2.3): W row-major, then V row-major, so
 * p = m·d + K·m = (d + K)·m.
 *
 * @param w m x d
 * @param v K x m
 */
public record NetParams(Matrix w, Matrix v) {

  public NetParams {
    if (w.rows() != v.cols()) {
      throw new IllegalArgumentException("dimension mismatch: W is " + w.rows() + "x" + w.cols()
          + " (m x d) but V is " + v.rows() + "x" + v.cols() + " (K x m)");
    }
  }

  /**
   * He-normal initialisation (He et al. 2015, paper ref. [30]): W_ij ~ N(0, 2/d), V_kj ~ N(0, 2/m),
   * i.e. variance 2 / fan-in for each layer. W is drawn first, then V, from one seeded stream.
   */
  public static NetParams heNormal(int d, int m, int k, long seed) {
    Checks.requireDimensions(m, d);
    Checks.requireDimensions(k, m);
    RandomGenerator rng = Rng.of(seed);
    Matrix w = Matrix.wrap(m, d, Rng.gaussian(rng, m * d, Math.sqrt(2.0 / d)));
    Matrix v = Matrix.wrap(k, m, Rng.gaussian(rng, k * m, Math.sqrt(2.0 / m)));
    return new NetParams(w, v);
  }

  /**
   * θ^λ = (λW, λ⁻¹V): the same network function (ReLU is positively homogeneous), with layer
   * magnitudes moved between the layers (paper Section 4, "equivalent networks").
   *
   * @param lambda λ &gt; 0, finite
   */
  public NetParams scaled(double lambda) {
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be positive and finite, got " + lambda);
    }
    return new NetParams(times(w, lambda), times(v, 1.0 / lambda));
  }

  /** Hidden width m. */
  public int width() {
    return w.rows();
  }

  /** Input dimension d. */
  public int inputDim() {
    return w.cols();
  }

  /** Number of classes K. */
  public int classes() {
    return v.rows();
  }

  /** Number of parameters p = m·d + K·m. */
  public int size() {
    return w.size() + v.size();
  }

  /** The two layer sizes {m·d, K·m}, the groups of layer-wise pruning. */
  public int[] groupSizes() {
    return new int[] {w.size(), v.size()};
  }

  /** θ as a 1 x p row: W row-major, then V row-major. */
  public Matrix flatten() {
    double[] flat = new double[size()];
    w.copyInto(flat, 0);
    v.copyInto(flat, w.size());
    return Matrix.wrap(1, flat.length, flat);
  }

  /** The inverse of {@link #flatten()} for this shape. */
  public NetParams unflatten(Matrix flat) {
    if (flat.size() != size()) {
      throw new IllegalArgumentException("flat: expected " + size() + " entries, got " + flat.size());
    }
    double[] a = flat.toArray();
    double[] wd = java.util.Arrays.copyOfRange(a, 0, w.size());
    double[] vd = java.util.Arrays.copyOfRange(a, w.size(), a.length);
    return new NetParams(Matrix.wrap(w.rows(), w.cols(), wd), Matrix.wrap(v.rows(), v.cols(), vd));
  }

  /** Entrywise product with another pair of the same shape (e.g. applying a 0/1 mask). */
  public NetParams hadamard(NetParams other) {
    return new NetParams(mul(w, other.w), mul(v, other.v));
  }

  /** Fraction of nonzero entries in W and in V. */
  public double[] nonzeroFractions() {
    return new double[] {nonzeroFraction(w), nonzeroFraction(v)};
  }

  static double nonzeroFraction(Matrix m) {
    int nz = 0;
    for (int k = 0; k < m.size(); k++) {
      if (m.getFlat(k) != 0) {
        nz++;
      }
    }
    return (double) nz / m.size();
  }

  private static Matrix times(Matrix m, double a) {
    double[] d = m.toArray();
    for (int k = 0; k < d.length; k++) {
      d[k] *= a;
    }
    return Matrix.wrap(m.rows(), m.cols(), d);
  }

  private static Matrix mul(Matrix a, Matrix b) {
    Checks.requireSameShape("a", a, "b", b);
    double[] d = a.toArray();
    for (int k = 0; k < d.length; k++) {
      d[k] *= b.getFlat(k);
    }
    return Matrix.wrap(a.rows(), a.cols(), d);
  }
}
