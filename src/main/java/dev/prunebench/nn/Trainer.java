package dev.prunebench.nn;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.LinearAlgebraBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the two-layer network by mini-batch SGD with momentum on the mean cross-entropy loss
 * (paper eq. 4.1) until interpolation or the epoch cap, entirely through the backend's kernels
 * (weights and momentum buffers stay library-native between steps). Same initial weights, data,
 * {@link SgdConfig} and backend give the same final weights bit for bit.
 *
 * <p>Workspaces (the batch, activations, gradient, momentum buffers) are allocated once per
 * training and reused: after the first, a step allocates nothing on the heap or natively
 * ({@link SgdSession}, {@code TrainerAllocationTest}).
 *
 * <p>With a mask (lottery retraining, Frankle and Carbin, paper ref. [20]) the initial weights are
 * multiplied by the mask and every step is followed by the same multiplication, so pruned weights
 * stay exactly zero.
 */
public final class Trainer {
  private Trainer() {}

  /** Called after every epoch; {@code label} names the run. */
  @FunctionalInterface
  public interface Listener {
    void onEpoch(String label, EpochStats stats);

    /** Ignores everything. */
    Listener SILENT = (label, stats) -> {};
  }

  /** Trains from {@code init} until interpolation or {@code cfg.maxEpochs()}. */
  public static TrainingResult train(LinearAlgebraBackend<?> backend, NetParams init, Digits train, SgdConfig cfg,
      String label, Listener listener) {
    return run(backend, init, null, train, cfg, label, listener);
  }

  /**
   * Lottery retraining: trains {@code init ∘ mask} with the mask held fixed.
   *
   * @param mask 0/1 entries, same shape as {@code init}
   */
  public static TrainingResult trainMasked(LinearAlgebraBackend<?> backend, NetParams init, NetParams mask,
      Digits train, SgdConfig cfg, String label, Listener listener) {
    if (mask.w().rows() != init.w().rows() || mask.w().cols() != init.w().cols()
        || mask.v().rows() != init.v().rows()) {
      throw new IllegalArgumentException("mask: shape W " + mask.w() + ", V " + mask.v()
          + " differs from init W " + init.w() + ", V " + init.v());
    }
    return run(backend, init, mask, train, cfg, label, listener);
  }

  private static <M> TrainingResult run(LinearAlgebraBackend<M> b, NetParams init, NetParams mask, Digits train,
      SgdConfig cfg, String label, Listener listener) {
    if (init.inputDim() != train.dimension() || init.classes() != train.classes()) {
      throw new IllegalArgumentException("init: network is d=" + init.inputDim() + ", K=" + init.classes()
          + " but the data is d=" + train.dimension() + ", K=" + train.classes());
    }
    SgdSession<M> session = SgdSession.create(b, init, mask, train, cfg);
    List<EpochStats> history = new ArrayList<>();
    EpochStats stats = session.stats(0);
    history.add(stats);
    listener.onEpoch(label, stats);
    int epoch = 0;
    while (stats.trainAccuracy() < 1.0 && epoch < cfg.maxEpochs()) {
      epoch++;
      session.epoch();
      stats = session.stats(epoch);
      history.add(stats);
      listener.onEpoch(label, stats);
      if (!Double.isFinite(stats.trainLoss())) {
        break; // diverged: further epochs cannot recover from non-finite weights
      }
    }
    NetParams out = session.weights();
    session.close();
    return new TrainingResult(out, epoch, stats.trainAccuracy() == 1.0, history);
  }
}
