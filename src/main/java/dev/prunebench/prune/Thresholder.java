package dev.prunebench.prune;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.TopS;

/**
 * {@code Π_s} of paper Definition 2.3 for additive importances (MI, HI): keep the s weights of
 * largest importance, zero the rest. For MP the importance is {@code θ ∘ θ} (then {@code Π_s} is
 * ordinary hard thresholding); for HP it is {@code ½ diag(∇²L) ∘ θ ∘ θ} (eq. 2.1).
 *
 * <p>Two sources of the selection, with identical results by construction:
 * {@link #on(LinearAlgebraBackend)} runs a backend's {@code keepMask} kernel (what the experiment
 * exercises), {@link #shared()} calls the project-wide {@link TopS} selection that backends use by
 * default, for code that has no backend at hand (e.g. the Monte-Carlo of Definition 3.2). Ties go to
 * the lower index either way.
 */
public interface Thresholder {

  /**
   * The keep-mask of the s largest importances.
   *
   * @param importance not modified; no NaN
   * @param s {@code 0 ≤ s ≤ importance.length}
   * @return a new 0/1 array with exactly s ones
   */
  double[] keepMask(double[] importance, int s);

  /**
   * {@code Π_s(weights)} with respect to {@code importance}: a new array equal to {@code weights} at the
   * kept indices and 0 elsewhere.
   *
   * @param weights not modified
   * @param importance same length, not modified
   */
  default double[] prune(double[] weights, double[] importance, int s) {
    Importance.requireSameLength("weights", weights, "importance", importance);
    double[] mask = keepMask(importance, s);
    double[] out = new double[weights.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = mask[i] != 0 ? weights[i] : 0.0;
    }
    return out;
  }

  /**
   * Layer-wise keep-mask (paper Appendix D): consecutive groups of sizes {@code groupSizes} each keep
   * {@code round(keepFraction · size)} entries.
   *
   * @param importance not modified
   * @param groupSizes positive, adding up to {@code importance.length}
   * @param keepFraction in [0, 1]
   */
  double[] keepMaskPerGroup(double[] importance, int[] groupSizes, double keepFraction);

  /** Magnitude pruning {@code Π^M_s(θ)}. */
  default double[] magnitudePrune(double[] theta, int s) {
    return prune(theta, Importance.magnitude(theta), s);
  }

  /** The shared O(p) selection ({@link TopS}), no backend involved. */
  static Thresholder shared() {
    return new Thresholder() {
      @Override
      public double[] keepMask(double[] importance, int s) {
        return TopS.keepMask(importance, s);
      }

      @Override
      public double[] keepMaskPerGroup(double[] importance, int[] groupSizes, double keepFraction) {
        return TopS.keepMaskPerGroup(importance, groupSizes, keepFraction);
      }
    };
  }

  /** A backend's hard-thresholding kernel; the vector crosses as a 1 x p boundary matrix. */
  static Thresholder on(LinearAlgebraBackend<?> backend) {
    return new BackendThresholder<>(backend);
  }

  /** Captures the backend's native type so that its kernels can be called generically. */
  final class BackendThresholder<M> implements Thresholder {
    private final LinearAlgebraBackend<M> backend;

    BackendThresholder(LinearAlgebraBackend<M> backend) {
      this.backend = backend;
    }

    @Override
    public double[] keepMask(double[] importance, int s) {
      M imp = backend.fromBoundary(Matrix.row(importance));
      M mask = backend.keepMask(imp, s);
      double[] out = backend.toBoundary(mask).toArray();
      backend.release(imp);
      backend.release(mask);
      return out;
    }

    @Override
    public double[] keepMaskPerGroup(double[] importance, int[] groupSizes, double keepFraction) {
      M imp = backend.fromBoundary(Matrix.row(importance));
      M mask = backend.keepMaskPerGroup(imp, groupSizes, keepFraction);
      double[] out = backend.toBoundary(mask).toArray();
      backend.release(imp);
      backend.release(mask);
      return out;
    }

    @Override
    public double[] prune(double[] weights, double[] importance, int s) {
      Importance.requireSameLength("weights", weights, "importance", importance);
      M w = backend.fromBoundary(Matrix.row(weights));
      M imp = backend.fromBoundary(Matrix.row(importance));
      M kept = backend.hardThreshold(w, imp, s);
      double[] out = backend.toBoundary(kept).toArray();
      for (int i = 0; i < out.length; i++) {
        out[i] += 0.0; // weight · 0 is −0.0 for a negative weight; report a pruned entry as +0.0
      }
      backend.release(w);
      backend.release(imp);
      backend.release(kept);
      return out;
    }
  }
}
