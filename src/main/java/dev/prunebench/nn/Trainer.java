package dev.prunebench.nn;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.NonFiniteInputException;
import dev.prunebench.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Trains the two-layer network by mini-batch SGD with momentum on the mean cross-entropy loss
 * (paper eq. 4.1) until interpolation or the epoch cap, entirely through the backend's kernels
 * (weights and momentum buffers stay library-native between steps). Same initial weights, data,
 * {@link SgdConfig} and backend give the same final weights bit for bit.
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
    NetKernels<M> k = new NetKernels<>(b);
    int n = train.size();
    int d = train.dimension();
    int classes = train.classes();
    double[] xAll = train.images().toArray();
    int[] labels = train.labels();
    M xFull = b.fromBoundary(train.images());
    NetKernels<M>.Weights m = mask == null ? null : k.new Weights(mask);
    NetKernels<M>.Weights net = k.new Weights(mask == null ? init : init.hadamard(mask));
    NetKernels<M>.Weights buf = k.new Weights(k.zerosLike(net.w), k.zerosLike(net.v));
    RandomGenerator rng = Rng.of(cfg.shuffleSeed());
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    List<EpochStats> history = new ArrayList<>();
    EpochStats stats = stats(k, xFull, labels, net, 0);
    history.add(stats);
    listener.onEpoch(label, stats);
    int epoch = 0;
    // Checked once per epoch: a non-finite loss ends the run (it cannot recover from non-finite weights).
    while (stats.trainAccuracy() < 1.0 && epoch < cfg.maxEpochs() && Double.isFinite(stats.trainLoss())) {
      epoch++;
      shuffle(order, rng);
      for (int start = 0; start < n; start += cfg.batchSize()) {
        int rows = Math.min(cfg.batchSize(), n - start);
        double[] xb = new double[rows * d];
        double[] yb = new double[rows * classes];
        for (int r = 0; r < rows; r++) {
          int i = order[start + r];
          System.arraycopy(xAll, i * d, xb, r * d, d);
          yb[r * classes + labels[i]] = 1.0;
        }
        M x = b.fromBoundary(Matrix.wrap(rows, d, xb));
        M y = b.fromBoundary(Matrix.wrap(rows, classes, yb));
        NetKernels<M>.Forward f = k.forward(x, net);
        NetKernels<M>.Weights g = k.gradient(x, y, net, f);
        f.release();
        k.sgdStep(net, buf, g, cfg.learningRate(), cfg.momentum(), m);
        g.release();
        b.release(x);
        b.release(y);
      }
      stats = stats(k, xFull, labels, net, epoch);
      history.add(stats);
      listener.onEpoch(label, stats);
    }
    NetParams out = net.toBoundary();
    net.release();
    buf.release();
    if (m != null) {
      m.release();
    }
    b.release(xFull);
    return new TrainingResult(out, epoch, stats.trainAccuracy() == 1.0, history,
        TrainingResult.diverged(stats, classes, mask != null));
  }

  private static <M> EpochStats stats(NetKernels<M> k, M x, int[] labels, NetKernels<M>.Weights net, int epoch) {
    Evaluation e = TwoLayerNetwork.evaluate(k, x, labels, net, false);
    return new EpochStats(epoch, e.loss(), e.accuracy());
  }

  private static void shuffle(int[] a, RandomGenerator rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
