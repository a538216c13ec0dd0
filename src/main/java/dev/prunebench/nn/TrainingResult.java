package dev.prunebench.nn;

import java.util.List;

/**
 * The outcome of {@link Trainer#train}.
 *
 * @param params the final weights θ_final
 * @param epochs epochs run
 * @param interpolated whether every training point ended up classified correctly
 * @param history per-epoch training loss and accuracy, epoch 0 first
 */
public record TrainingResult(NetParams params, int epochs, boolean interpolated, List<EpochStats> history) {
  public TrainingResult {
    history = List.copyOf(history);
  }

  /** The last epoch's statistics. */
  public EpochStats last() {
    return history.get(history.size() - 1);
  }
}
