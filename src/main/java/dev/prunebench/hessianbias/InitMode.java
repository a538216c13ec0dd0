package dev.prunebench.hessianbias;

import dev.prunebench.linalg.Matrix;
import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;

/** Where gradient descent starts (θ₀ of Theorem 4.3). */
public enum InitMode {
  /** θ₀ = 0: GD then converges to the min-norm solution X⁺y (Proposition B.2's setting). */
  ZERO,
  /**
   * θ₀,ᵢ ~ N(0, sᵢ² I) with {@code sᵢ = √n / ‖Xᵢ‖_F}, so that each group's initial output Xᵢθ₀,ᵢ has
   * about unit variance per sample whatever the group's scale cᵢ (the initial outputs then do not
   * depend on the scale ratio, only the geometry of the learning does).
   */
  GAUSSIAN;

  /**
   * Draws θ₀ for {@code design}.
   *
   * @param seed seed of the draw (ignored by {@link #ZERO})
   */
  public double[] draw(GroupedDesign design, long seed) {
    double[] theta = new double[design.parameters()];
    if (this == ZERO) {
      return theta;
    }
    RandomGenerator rng = Rng.of(seed);
    int n = design.samples();
    for (int i = 0; i < design.groupCount(); i++) {
      Matrix g = design.groups().get(i);
      double sd = Math.sqrt(n) / g.frobeniusNorm();
      double[] t = Rng.gaussian(rng, g.cols(), sd);
      System.arraycopy(t, 0, theta, design.offset(i), t.length);
    }
    return theta;
  }
}
