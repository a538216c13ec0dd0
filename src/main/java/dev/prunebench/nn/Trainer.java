package dev.prunebench.nn;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.NonFiniteInputException;
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
    return guarded(init, label, listener, l -> run(backend, init, null, train, cfg, label, l));
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
    return guarded(init, label, listener, l -> run(backend, init, mask, train, cfg, label, l));
  }

  /**
   * Runs {@code body}; when the weights overflow inside an epoch, a kernel refuses the non-finite values
   * ({@link NonFiniteInputException}) and the run ends there as diverged: its history up to the last
   * finished epoch, then one epoch with NaN loss, and NaN weights of the initial shape. (Backend buffers
   * of the aborted run are left to the garbage collector.)
   */
  private static TrainingResult guarded(NetParams init, String label, Listener listener,
      java.util.function.Function<Listener, TrainingResult> body) {
    List<EpochStats> seen = new ArrayList<>();
    try {
      return body.apply((l, s) -> {
        seen.add(s);
        listener.onEpoch(l, s);
      });
    } catch (NonFiniteInputException e) {
      int epoch = seen.isEmpty() ? 0 : seen.get(seen.size() - 1).epoch() + 1;
      EpochStats last = new EpochStats(epoch, Double.NaN, Double.NaN);
      seen.add(last);
      listener.onEpoch(label, last);
      return new TrainingResult(new NetParams(nan(init.w()), nan(init.v())), epoch, false, seen, true);
    }
  }

  private static Matrix nan(Matrix shape) {
    double[] a = new double[shape.rows() * shape.cols()];
    java.util.Arrays.fill(a, Double.NaN);
    return Matrix.wrap(shape.rows(), shape.cols(), a);
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
    // Checked once per epoch: a non-finite loss ends the run (it cannot recover from non-finite weights).
    while (stats.trainAccuracy() < 1.0 && epoch < cfg.maxEpochs() && Double.isFinite(stats.trainLoss())) {
      epoch++;
      session.epoch();
      stats = session.stats(epoch);
      history.add(stats);
      listener.onEpoch(label, stats);
    }
    NetParams out = session.weights();
    session.close();
    return new TrainingResult(out, epoch, stats.trainAccuracy() == 1.0, history,
        TrainingResult.diverged(stats, train.classes(), mask != null));
  }
}
