package dev.prunebench.linear;

import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;

/**
 * One empirical trial on a backend: the min-norm solution {@code θ̂^Λ = X_Λ⁺ y} (eq. 3.2), optionally
 * the training-loss Hessian diagonal, and the training natural importance of leading index sets
 * (Figure 1c). The design stays in the backend's native type for all three.
 */
public final class MinNormTrial {
  private MinNormTrial() {}

  /**
   * @param thetaHat θ̂^Λ
   * @param hessianDiagonal the literal {@code ∇²L̂_Λ} diagonal {@code (2/n) diag(X_ΛᵀX_Λ)}, or null
   *     when not requested
   * @param trainingNi {@code I^N_Δ(θ̂^Λ)} w.r.t. the training loss for {@code Δ = {first c}} per
   *     requested count c
   * @param trainingLoss {@code L̂_Λ(θ̂^Λ)} (≈ 0 for n &lt; p: the solution interpolates)
   */
  public record Outcome(double[] thetaHat, double[] hessianDiagonal, double[] trainingNi, double trainingLoss) {}

  /**
   * Runs the trial.
   *
   * @param backend any backend
   * @param xLambda the scaled design {@code X_Λ}, n x p
   * @param y labels, length n
   * @param algorithm min-norm algorithm
   * @param withHessian whether to compute the Hessian diagonal
   * @param prefixCounts counts c for the training NI of the first c weights (may be empty)
   */
  public static Outcome run(LinearAlgebraBackend<?> backend, Matrix xLambda, double[] y,
      LeastSquaresAlgorithm algorithm, boolean withHessian, int[] prefixCounts) {
    if (y.length != xLambda.rows()) {
      throw new IllegalArgumentException("y: expected " + xLambda.rows() + " entries to match X_Λ, got "
          + y.length);
    }
    for (int c : prefixCounts) {
      if (c < 0 || c > xLambda.cols()) {
        throw new IllegalArgumentException("prefixCounts: " + c + " is outside [0, " + xLambda.cols() + "]");
      }
    }
    return runOn(backend, xLambda, y, algorithm, withHessian, prefixCounts);
  }

  private static <M> Outcome runOn(LinearAlgebraBackend<M> b, Matrix xLambda, double[] y,
      LeastSquaresAlgorithm algorithm, boolean withHessian, int[] prefixCounts) {
    int n = xLambda.rows();
    int p = xLambda.cols();
    M x = b.fromBoundary(xLambda);
    M ym = b.fromBoundary(Matrix.column(y));
    M theta = b.solveMinNorm(x, ym, algorithm);
    double[] thetaHat = b.toBoundary(theta).toArray();
    b.release(theta);
    b.release(ym);
    double[] hessian = null;
    if (withHessian) {
      M h = b.lsHessianDiagonal(x);
      hessian = b.toBoundary(h).toArray();
      b.release(h);
    }
    // Column 0 is θ̂ itself, column k the vector with its first c_k entries zeroed (reference 0).
    int g = prefixCounts.length + 1;
    double[] cols = new double[p * g];
    for (int j = 0; j < p; j++) {
      cols[j * g] = thetaHat[j];
      for (int k = 1; k < g; k++) {
        cols[j * g + k] = j < prefixCounts[k - 1] ? 0.0 : thetaHat[j];
      }
    }
    M thetas = b.fromBoundary(Matrix.wrap(p, g, cols));
    M fitted = b.multiply(x, thetas);
    double[] f = b.toBoundary(fitted).toArray();
    b.release(fitted);
    b.release(thetas);
    b.release(x);
    double[] loss = new double[g];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < g; k++) {
        double r = y[i] - f[i * g + k];
        loss[k] += r * r;
      }
    }
    double[] ni = new double[prefixCounts.length];
    for (int k = 1; k < g; k++) {
      ni[k - 1] = (loss[k] - loss[0]) / n;
    }
    return new Outcome(thetaHat, hessian, ni, loss[0] / n);
  }
}
