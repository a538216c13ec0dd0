package dev.prunebench.prune;

/**
 * Natural pruning {@code Π^N_s} (paper Definition 2.3 with NI of Definition 2.1, reference 0),
 * computed exactly: among all keep-sets S with |S| = s, the one minimising {@code L(θ_S)}, which is
 * the same as minimising {@code I^N_Δ(θ)} over the pruned sets {@code Δ = [p] − S}. The search
 * enumerates all {@code C(p, s)} subsets, so p is limited to {@link #MAX_P}.
 *
 * <p>Ties are broken towards the keep-set whose bitmask is numerically smallest (enumeration order),
 * so the result is deterministic.
 */
public final class NaturalPruning {
  private NaturalPruning() {}

  /** Largest p accepted: C(20, 10) = 184 756 subsets is still instant. */
  public static final int MAX_P = 20;

  /** The pruned vector and the set kept. */
  public record Result(double[] pruned, int[] kept, double loss) {}

  /**
   * {@code Π^N_s(θ)}.
   *
   * @param loss L, evaluated on candidate pruned vectors
   * @param theta not modified, length at most {@link #MAX_P}
   * @param s number of weights to keep, in [0, p]
   */
  public static Result prune(Loss loss, double[] theta, int s) {
    int p = theta.length;
    if (p > MAX_P) {
      throw new IllegalArgumentException("theta: natural pruning enumerates subsets and accepts p ≤ " + MAX_P
          + ", got p = " + p);
    }
    if (s < 0 || s > p) {
      throw new IllegalArgumentException("s must be in [0, " + p + "], got " + s);
    }
    double[] candidate = new double[p];
    int bestMask = -1;
    double best = Double.POSITIVE_INFINITY;
    if (s == 0) {
      bestMask = 0;
      best = loss.value(candidate);
    } else {
      int limit = 1 << p;
      for (int mask = (1 << s) - 1; mask < limit && mask > 0; mask = nextWithSameBitCount(mask)) {
        for (int i = 0; i < p; i++) {
          candidate[i] = (mask >>> i & 1) != 0 ? theta[i] : 0.0;
        }
        double v = loss.value(candidate);
        if (v < best) {
          best = v;
          bestMask = mask;
        }
      }
    }
    double[] pruned = new double[p];
    int[] kept = new int[s];
    int k = 0;
    for (int i = 0; i < p; i++) {
      if ((bestMask >>> i & 1) != 0) {
        pruned[i] = theta[i];
        kept[k++] = i;
      }
    }
    return new Result(pruned, kept, best);
  }

  /** Gosper's hack: the next larger integer with the same number of one bits. */
  private static int nextWithSameBitCount(int v) {
    int c = v & -v;
    int r = v + c;
    return (((r ^ v) >>> 2) / c) | r;
  }
}
