package dev.prunebench.prune;

/**
 * Natural importance (paper Definition 2.1): the exact change of the loss when the weights of θ over
 * Δ are replaced by those of a reference vector,
 * {@code I^N_Δ(θ, θ^R) = L(θ^R_Δ + θ_Δ̄) − L(θ)}. {@code θ^R = 0} is (regular) pruning;
 * {@code θ^R = θ₀} (the initialisation) is init-pruning.
 */
public final class NaturalImportance {
  private NaturalImportance() {}

  /**
   * {@code I^N_Δ(θ, θ^R)}.
   *
   * @param loss the loss L
   * @param theta θ, not modified
   * @param reference θ^R, same length, not modified
   * @param delta distinct indices, not modified
   */
  public static double of(Loss loss, double[] theta, double[] reference, int[] delta) {
    Importance.requireSameLength("theta", theta, "reference", reference);
    return loss.value(replaced(theta, reference, delta)) - loss.value(theta);
  }

  /** Regular pruning, {@code I^N_Δ(θ) = I^N_Δ(θ, 0) = L(θ_Δ̄) − L(θ)}. */
  public static double of(Loss loss, double[] theta, int[] delta) {
    return of(loss, theta, new double[theta.length], delta);
  }

  /** {@code θ^R_Δ + θ_Δ̄}: θ with the entries over Δ replaced by the reference's. */
  public static double[] replaced(double[] theta, double[] reference, int[] delta) {
    Importance.requireSameLength("theta", theta, "reference", reference);
    double[] out = theta.clone();
    for (int i : Indices.checked(delta, theta.length)) {
      out[i] = reference[i];
    }
    return out;
  }

  /** The prefix set {@code Δ = {0, …, count − 1}} ("the first s weights" of paper Figure 1c). */
  public static int[] firstIndices(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be non-negative, got " + count);
    }
    return Indices.prefix(count);
  }
}
