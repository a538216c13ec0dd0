package dev.prunebench.nn;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.LinearAlgebraBackend;
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
 * <p>Workspaces (the batch, activations, gradient, momentum buffers) are allocated once per
 * training and reused: after the first, a step allocates nothing on the heap or natively
 * ({@code TrainerAllocationTest}).
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
    NetKernels<M> k = new NetKernels<>(b);
    int n = train.size();
    int[] labels = train.labels();
    M xFull = b.fromBoundary("train images", train.images());
    NetKernels<M>.Weights m = mask == null ? null : k.new Weights(mask);
    NetKernels<M>.Weights net = k.new Weights(mask == null ? init : init.hadamard(mask));
    NetKernels<M>.Weights buf = k.new Weights(b.zeros(init.w().rows(), init.w().cols()),
        b.zeros(init.v().rows(), init.v().cols()));
    Workspaces<M> work = new Workspaces<>(k, init);
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
    while (stats.trainAccuracy() < 1.0 && epoch < cfg.maxEpochs()) {
      epoch++;
      shuffle(order, rng);
      for (int start = 0; start < n; start += cfg.batchSize()) {
        step(k, work.forRows(Math.min(cfg.batchSize(), n - start)), xFull, labels, order, start, net, buf, m,
            cfg);
      }
      stats = stats(k, xFull, labels, net, epoch);
      history.add(stats);
      listener.onEpoch(label, stats);
      if (!Double.isFinite(stats.trainLoss())) {
        break; // diverged: further epochs cannot recover from non-finite weights
      }
    }
    work.release();
    NetParams out = net.toBoundary();
    net.release();
    buf.release();
    if (m != null) {
      m.release();
    }
    b.release(xFull);
    return new TrainingResult(out, epoch, stats.trainAccuracy() == 1.0, history);
  }

  /**
   * One SGD step on rows {@code order[start, start + w.rows())}: gather the batch into the workspace,
   * forward and backward into its gradient, then the fused momentum update of the weights in place.
   * Allocates nothing (after the workspace's first use); returns the batch's mean loss.
   */
  static <M> double step(NetKernels<M> k, NetKernels<M>.Workspace w, M xFull, int[] labels, int[] order,
      int start, NetKernels<M>.Weights net, NetKernels<M>.Weights buf, NetKernels<M>.Weights mask,
      SgdConfig cfg) {
    w.load(xFull, labels, order, start);
    double loss = w.gradient(net);
    k.sgdStep(net, buf, w.grad, cfg.learningRate(), cfg.momentum(), mask);
    return loss;
  }

  /**
   * The workspaces of a training: one for full batches and, when the batch size does not divide n,
   * one for the last, shorter batch, each created on first use and released at the end.
   */
  static final class Workspaces<M> {
    private final NetKernels<M> k;
    private final int d;
    private final int width;
    private final int classes;
    private NetKernels<M>.Workspace full;
    private NetKernels<M>.Workspace tail;

    Workspaces(NetKernels<M> k, NetParams shape) {
      this.k = k;
      this.d = shape.inputDim();
      this.width = shape.w().rows();
      this.classes = shape.classes();
    }

    NetKernels<M>.Workspace forRows(int rows) {
      if (full == null || full.rows() == rows) {
        if (full == null) {
          full = k.new Workspace(rows, d, width, classes);
        }
        return full;
      }
      if (tail == null) {
        tail = k.new Workspace(rows, d, width, classes);
      }
      return tail;
    }

    void release() {
      if (full != null) {
        full.release();
      }
      if (tail != null) {
        tail.release();
      }
    }
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
