package dev.prunebench.hessianbias;

import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;

/**
 * The limit of gradient descent on eq. (4.4) from θ₀, computed directly (proof of Proposition B.2):
 * {@code θ* = θ₀ + X⁺(y − Xθ₀)}, the interpolating point closest to θ₀; for θ₀ = 0 it is the
 * min-norm solution {@code X⁺y} of eq. (3.2).
 */
public final class MinNormLimit {
  private MinNormLimit() {}

  /**
   * θ* through the backend's {@code solveMinNorm}.
   *
   * @param theta0 length p, not modified
   * @param algorithm factorisation used by the backend
   */
  public static <M> double[] solve(LinearAlgebraBackend<M> backend, GroupedDesign design, double[] theta0,
      LeastSquaresAlgorithm algorithm) {
    int p = design.parameters();
    if (theta0 == null || theta0.length != p) {
      throw new IllegalArgumentException("theta0: expected length " + p + ", got "
          + (theta0 == null ? "null" : theta0.length));
    }
    M x = backend.fromBoundary(design.concatenated());
    M t0 = backend.fromBoundary(Matrix.wrap(p, 1, theta0.clone()));
    M y = backend.fromBoundary(design.y());
    M pred = backend.multiply(x, t0);
    M resid = backend.addScaled(y, -1, pred);
    M step = backend.solveMinNorm(x, resid, algorithm);
    double[] s = backend.toBoundary(step).toArray();
    for (M m : java.util.List.of(x, t0, y, pred, resid, step)) {
      backend.release(m);
    }
    double[] theta = theta0.clone();
    for (int k = 0; k < p; k++) {
      theta[k] += s[k];
    }
    return theta;
  }
}
