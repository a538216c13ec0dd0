package dev.prunebench.prune;

/** The additive pruning criteria of paper Definition 2.2, by name. */
public enum PruningMethod {
  /** Magnitude pruning, importance {@code θ_i²}. */
  MP,
  /** Hessian (OBD) pruning, importance {@code ½ H_ii θ_i²}. */
  HP;

  /**
   * Per-weight importance for this method.
   *
   * @param theta not modified
   * @param hessianDiagonal diagonal of {@code ∇²L}; ignored (may be null) for {@link #MP}
   */
  public double[] importance(double[] theta, double[] hessianDiagonal) {
    return switch (this) {
      case MP -> Importance.magnitude(theta);
      case HP -> Importance.hessian(hessianDiagonal, theta);
    };
  }
}
