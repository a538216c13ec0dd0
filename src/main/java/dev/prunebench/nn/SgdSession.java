package dev.prunebench.nn;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;

/**
 * One training's state on a backend, library-native throughout: the training images, the weights,
 * the momentum buffers, the optional pruning mask and the mini-batch workspaces, all created once
 * when the session opens. {@link #step} and {@link #epoch} then run SGD with heavy-ball momentum
 * (paper eq. 4.1 loss) without converting anything and, after the first step, without allocating on
 * the heap or natively. {@link Trainer} drives one per training; the JMH benchmarks drive it directly
 * so that they measure exactly what the experiments run.
 *
 * @param <M> library-native matrix type
 */
public final class SgdSession<M> implements AutoCloseable {
  private final NetKernels<M> k;
  private final M xFull;
  private final int[] labels;
  private final NetKernels<M>.Weights net;
  private final NetKernels<M>.Weights buf;
  private final NetKernels<M>.Weights mask;
  private final SgdConfig cfg;
  private final RandomGenerator rng;
  private final int[] order;
  private final int d;
  private final int width;
  private final int classes;
  private NetKernels<M>.Workspace full;
  private NetKernels<M>.Workspace tail;
  private NetKernels<M>.Workspace last;

  private SgdSession(LinearAlgebraBackend<M> b, NetParams init, NetParams mask, Digits train, SgdConfig cfg) {
    this.k = new NetKernels<>(b);
    this.cfg = cfg;
    this.labels = train.labels();
    this.xFull = b.fromBoundary("train images", train.images());
    this.mask = mask == null ? null : k.new Weights(mask);
    this.net = k.new Weights(mask == null ? init : init.hadamard(mask));
    this.buf = k.new Weights(b.zeros(init.w().rows(), init.w().cols()), b.zeros(init.v().rows(), init.v().cols()));
    this.rng = Rng.of(cfg.shuffleSeed());
    this.order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    this.d = init.inputDim();
    this.width = init.w().rows();
    this.classes = init.classes();
  }

  /**
   * Opens a session: converts (and so validates) the data, the weights {@code init ∘ mask} and the
   * mask once.
   *
   * @param mask 0/1 entries of init's shape, or null to train every weight
   */
  public static SgdSession<?> open(LinearAlgebraBackend<?> backend, NetParams init, NetParams mask, Digits train,
      SgdConfig cfg) {
    return create(backend, init, mask, train, cfg);
  }

  static <M> SgdSession<M> create(LinearAlgebraBackend<M> b, NetParams init, NetParams mask, Digits train,
      SgdConfig cfg) {
    return new SgdSession<>(b, init, mask, train, cfg);
  }

  /** Training samples n. */
  public int size() {
    return order.length;
  }

  /** A new random order of the samples (Fisher–Yates with the session's seeded generator). */
  public void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** One epoch: a new order, then a step on every mini-batch of it (the last may be shorter). */
  public void epoch() {
    shuffle();
    for (int start = 0; start < order.length; start += cfg.batchSize()) {
      step(start);
    }
  }

  /**
   * One SGD step on the samples {@code order[start, start + batch)} of the current order: gather the
   * batch into its workspace, forward and backward into the workspace's gradient (five GEMMs and three
   * fused passes), then the fused momentum update of the weights in place. Returns the batch's mean
   * loss (before the update).
   */
  public double step(int start) {
    NetKernels<M>.Workspace w = gradientAt(start);
    k.sgdStep(net, buf, w.grad, cfg.learningRate(), cfg.momentum(), mask);
    return w.lastLoss;
  }

  /** The gradient on the batch at {@code start}, into its workspace, without updating the weights. */
  public double gradient(int start) {
    return gradientAt(start).lastLoss;
  }

  private NetKernels<M>.Workspace gradientAt(int start) {
    if (start < 0 || start >= order.length) {
      throw new IllegalArgumentException("start must be in [0, " + order.length + "), got " + start);
    }
    NetKernels<M>.Workspace w = workspace(Math.min(cfg.batchSize(), order.length - start));
    w.load(xFull, labels, order, start);
    w.lastLoss = w.gradient(net);
    last = w;
    return w;
  }

  /** The workspace for a batch of {@code rows}: full batches share one, the shorter last batch another. */
  private NetKernels<M>.Workspace workspace(int rows) {
    if (full == null) {
      full = k.new Workspace(Math.min(cfg.batchSize(), order.length), d, width, classes);
    }
    if (full.rows() == rows) {
      return full;
    }
    if (tail == null) {
      tail = k.new Workspace(rows, d, width, classes);
    }
    return tail;
  }

  /** Loss and accuracy on the whole training set with the current weights. */
  public EpochStats stats(int epoch) {
    Evaluation e = TwoLayerNetwork.evaluate(k, xFull, labels, net, false);
    return new EpochStats(epoch, e.loss(), e.accuracy());
  }

  /** The current weights, as boundary matrices (a copy). */
  public NetParams weights() {
    return net.toBoundary();
  }

  /** The last computed mini-batch gradient (∂L/∂W, ∂L/∂V), as boundary matrices (a copy). */
  public NetParams lastGradient() {
    if (last == null) {
      throw new IllegalStateException("no gradient computed yet");
    }
    return last.grad.toBoundary();
  }

  /** Frees every native matrix of the session. */
  @Override
  public void close() {
    net.release();
    buf.release();
    if (mask != null) {
      mask.release();
    }
    if (full != null) {
      full.release();
    }
    if (tail != null) {
      tail.release();
    }
    k.b.release(xFull);
  }
}
