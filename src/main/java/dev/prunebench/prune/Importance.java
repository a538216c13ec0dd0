package dev.prunebench.prune;

/**
 * Per-weight magnitude and Hessian importances (paper Definition 2.2, eq. 2.1). The importance of an
 * index set Δ is the sum of the per-weight values over Δ ({@link #over(double[], int[])}).
 *
 * <p><b>Convention for HI.</b> Read literally, eq. 2.1 uses {@code H = ∇²L}. For the quadratic
 * population loss {@code L(θ) = E[y²] − 2bᵀθ + θᵀΣθ} that Hessian is {@code 2Σ}, so the literal HI
 * of the population minimiser is exactly <em>twice</em> its natural importance, and Lemma 3.1's
 * "NI = HI" would be false by a factor 2. The paper says its HI follows Optimal Brain Damage
 * (LeCun et al. 1990), whose saliency is {@code ½ H_ii θ_i²}; with that factor Lemma 3.1 holds
 * exactly (Appendix C.1 computes HI as {@code Σ_ii θ_i²}, i.e. with ½·∇²L). This class therefore
 * uses {@code I^H_i = ½ · H_ii · θ_i²} where {@code H_ii} is the diagonal of {@code ∇²L}
 * ({@link #OBD_FACTOR}). A positive constant factor changes no pruning ranking, so HP is the same
 * under either reading; the factor only matters when HI is compared with NI in value.
 *
 * <p>Note that {@link dev.prunebench.linalg.LeastSquares#lsHessianDiagonal} returns the literal
 * {@code ∇²L̂ = (2/n)·diag(XᵀX)}; passed to {@link #hessian(double[], double[])} it gives
 * {@code diag(XᵀX)/n ∘ θ²}, the "empirical diagonal" HI of paper Section 3.
 */
public final class Importance {
  private Importance() {}

  /** Optimal Brain Damage's ½: {@code I^H_i = OBD_FACTOR · (∇²L)_ii · θ_i²}. */
  public static final double OBD_FACTOR = 0.5;

  /**
   * Magnitude importance per weight, {@code I^M_i = θ_i²}.
   *
   * @param theta not modified; entries must be finite
   * @return a new array
   */
  public static double[] magnitude(double[] theta) {
    requireFinite("theta", theta);
    double[] out = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      out[i] = theta[i] * theta[i];
    }
    return out;
  }

  /**
   * Hessian (OBD) importance per weight, {@code I^H_i = ½ · H_ii · θ_i²}.
   *
   * @param hessianDiagonal the diagonal of {@code ∇²L} at θ (not halved), not modified; entries must
   *     be finite and non-negative
   * @param theta not modified; same length
   * @return a new array
   */
  public static double[] hessian(double[] hessianDiagonal, double[] theta) {
    requireSameLength("hessianDiagonal", hessianDiagonal, "theta", theta);
    requireFinite("theta", theta);
    double[] out = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      double h = hessianDiagonal[i];
      if (!(h >= 0) || Double.isInfinite(h)) {
        throw new IllegalArgumentException("hessianDiagonal: entry " + i + " is " + h
            + "; a Hessian diagonal must be finite and non-negative");
      }
      out[i] = OBD_FACTOR * h * theta[i] * theta[i];
    }
    return out;
  }

  /**
   * The importance of an index set, {@code I_Δ = Σ_{i∈Δ} perWeight_i} (eq. 2.1).
   *
   * @param perWeight per-weight importances, not modified
   * @param delta distinct indices into {@code perWeight}, not modified
   */
  public static double over(double[] perWeight, int[] delta) {
    double s = 0;
    for (int i : Indices.checked(delta, perWeight.length)) {
      s += perWeight[i];
    }
    return s;
  }

  static void requireFinite(String name, double[] v) {
    if (v == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(name + ": entry " + i + " is " + v[i] + "; must be finite");
      }
    }
  }

  static void requireSameLength(String nameA, double[] a, String nameB, double[] b) {
    if (a == null || b == null) {
      throw new IllegalArgumentException((a == null ? nameA : nameB) + " must not be null");
    }
    if (a.length != b.length) {
      throw new IllegalArgumentException("length mismatch: " + nameA + " has " + a.length + " entries but "
          + nameB + " has " + b.length);
    }
  }
}
