package dev.prunebench.nn;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;

/**
 * A run-time check of the closed-form Hessian diagonal ({@link NetKernels}) on the real network and
 * data: for a seeded sample of entries of W and of V, the central difference
 * {@code (g_j(θ + h e_j) − g_j(θ − h e_j)) / 2h} of the gradient against {@code diag H_jj}. A step in
 * W_jl moves only unit j's pre-activations, by at most h·max|x| = h (pixels are in [0, 1]), so with
 * h = 1e-5 a difference stays on one ReLU piece unless a pre-activation of unit j lies within 1e-5
 * of zero; V enters the network linearly and has no kinks at all.
 */
public final class HessianCheck {
  private HessianCheck() {}

  /**
   * The result.
   *
   * @param entriesW entries of W checked
   * @param entriesV entries of V checked
   * @param maxRelErrorW largest |FD − exact| / |exact| over the W entries
   * @param maxRelErrorV the same over the V entries
   * @param samples training digits the loss was averaged over
   */
  public record Result(int entriesW, int entriesV, double maxRelErrorW, double maxRelErrorV, int samples) {
    /** No check: every network of the run has non-finite weights (it diverged). */
    public static Result notRun() {
      return new Result(0, 0, Double.NaN, Double.NaN, 0);
    }
  }

  /** Checks {@code perLayer} entries of each layer whose diagonal is nonzero (seeded choice). */
  public static Result run(LinearAlgebraBackend<?> backend, NetParams net, Digits data, int perLayer, long seed) {
    NetParams h = TwoLayerNetwork.hessianDiagonal(backend, net, data);
    double[] theta = net.flatten().toArray();
    double[] diag = h.flatten().toArray();
    int pw = net.w().size();
    RandomGenerator rng = Rng.of(seed);
    double[] worst = new double[2];
    int[] counted = new int[2];
    double step = 1e-5;
    for (int layer = 0; layer < 2; layer++) {
      int from = layer == 0 ? 0 : pw;
      int to = layer == 0 ? pw : theta.length;
      for (int tries = 0; counted[layer] < perLayer && tries < 100 * perLayer; tries++) {
        int j = from + rng.nextInt(to - from);
        if (diag[j] == 0) {
          continue; // e.g. a border pixel that is 0 in every digit: nothing to check
        }
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        plus[j] += step;
        minus[j] -= step;
        double gp = TwoLayerNetwork.gradient(backend, net.unflatten(Matrix.wrap(1, plus.length, plus)), data)
            .flatten().getFlat(j);
        double gm = TwoLayerNetwork.gradient(backend, net.unflatten(Matrix.wrap(1, minus.length, minus)), data)
            .flatten().getFlat(j);
        double fd = (gp - gm) / (2 * step);
        worst[layer] = Math.max(worst[layer], Math.abs(fd - diag[j]) / Math.abs(diag[j]));
        counted[layer]++;
      }
    }
    return new Result(counted[0], counted[1], worst[0], worst[1], data.size());
  }
}
