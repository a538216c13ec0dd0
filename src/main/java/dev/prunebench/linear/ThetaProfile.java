package dev.prunebench.linear;

/**
 * Ground-truth profiles θ̄ ∈ ℝᵖ, each scaled to unit Euclidean norm (so the isotropic excess risk
 * is {@code (1 − 1/κ) + σ²/(κ − 1)}). Index i below runs over 1..p.
 */
public enum ThetaProfile {
  /** The paper's Figure 1 profile, {@code θ̄_i ∝ 1/(1 + 4i/p)²} (Section 3.1). */
  POLYNOMIAL,
  /** Exponential decay, {@code θ̄_i ∝ exp(−5i/p)}: a faster-decaying alternative. */
  EXPONENTIAL,
  /** Flat, {@code θ̄_i = 1/√p}: no weight more important than another. */
  FLAT;

  /** The unit-norm profile of length p (a new array). */
  public double[] vector(int p) {
    if (p < 1) {
      throw new IllegalArgumentException("p must be at least 1, got " + p);
    }
    double[] v = new double[p];
    double norm2 = 0;
    for (int k = 0; k < p; k++) {
      double i = k + 1;
      v[k] = switch (this) {
        case POLYNOMIAL -> 1 / Math.pow(1 + 4 * i / p, 2);
        case EXPONENTIAL -> Math.exp(-5 * i / p);
        case FLAT -> 1;
      };
      norm2 += v[k] * v[k];
    }
    double scale = 1 / Math.sqrt(norm2);
    for (int k = 0; k < p; k++) {
      v[k] *= scale;
    }
    return v;
  }
}
