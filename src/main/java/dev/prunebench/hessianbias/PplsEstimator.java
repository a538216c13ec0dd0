package dev.prunebench.hessianbias;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.theory.PplsParameters;

/**
 * The exact PPLS parameters of the grouped regression (paper eq. 4.4, Appendix B.2):
 * {@code μᵢ = σ_min(Xᵢ)²} and {@code Lᵢ = ‖Xᵢ‖²}, for {@code pᵢ ≥ n}.
 *
 * <p>How: with {@code pᵢ ≥ n} the n singular values of Xᵢ are the square roots of the eigenvalues of
 * the n x n Gram matrix {@code XᵢXᵢᵀ}, so μᵢ and Lᵢ are its extreme eigenvalues. The Gram matrix is
 * formed by the backend ({@code multiplyTransB}); its eigenvalues come from
 * {@link SymmetricEigenvalues} because the backend interface has no eigen/singular-value kernel.
 * Accuracy: forming the Gram matrix costs an absolute error of order {@code n ε ‖Xᵢ‖²} in each
 * eigenvalue, so μᵢ is accurate to about {@code n ε Lᵢ} — ample for the condition numbers used here
 * (a negative rounding residue of a singular Gram matrix is clamped to 0).
 */
public final class PplsEstimator {
  private PplsEstimator() {}

  /** The extreme eigenvalues {@code (λ_min, λ_max)} of {@code AAᵀ} for an n x p matrix A, p ≥ n. */
  public record GramSpectrum(double min, double max) {}

  /**
   * μᵢ and Lᵢ of every group of {@code design}, computed through {@code backend}.
   *
   * @param design not modified
   */
  public static <M> PplsParameters estimate(LinearAlgebraBackend<M> backend, GroupedDesign design) {
    int d = design.groupCount();
    double[] mu = new double[d];
    double[] l = new double[d];
    for (int i = 0; i < d; i++) {
      GramSpectrum s = gramSpectrum(backend, design.groups().get(i));
      mu[i] = s.min();
      l[i] = s.max();
    }
    return new PplsParameters(mu, l);
  }

  /**
   * {@code σ_min(A)²} and {@code ‖A‖²} of an n x p matrix with {@code p ≥ n}, as the extreme
   * eigenvalues of {@code AAᵀ} (formed by the backend). Applied to the full design X this gives
   * {@code σ_min(X)² ≥ μ}, the constant of the distance-to-limit estimate in
   * {@link GradientDescent}.
   */
  public static <M> GramSpectrum gramSpectrum(LinearAlgebraBackend<M> backend, Matrix a) {
    if (a.cols() < a.rows()) {
      throw new IllegalArgumentException("a must have p >= n so that A Aᵀ carries every singular value, got "
          + a.rows() + "x" + a.cols());
    }
    M am = backend.fromBoundary(a);
    M gram = backend.multiplyTransB(am, am);
    Matrix g = backend.toBoundary(gram);
    backend.release(am);
    backend.release(gram);
    double[] ev = SymmetricEigenvalues.ascending(g.toArray(), g.rows());
    return new GramSpectrum(Math.max(0, ev[0]), ev[ev.length - 1]);
  }
}
