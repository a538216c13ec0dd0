package dev.prunebench.bench;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.nn.EpochStats;
import dev.prunebench.nn.NetParams;
import dev.prunebench.nn.SgdConfig;
import dev.prunebench.nn.SgdSession;
import dev.prunebench.nn.TwoLayerNetwork;
import dev.prunebench.util.Rng;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The two-layer network of paper Section 4 ({@code f(x) = V · ReLU(W x)}, d = 784, K = 10, width
 * m = 1024), measured the way the experiments run it and, separately, through the boundary API.
 *
 * <p>Without conversion, on an {@link SgdSession} whose data, weights and workspaces are
 * library-native and created in {@code @Setup}:
 * <ul>
 *   <li>{@code trainingStep}: one SGD step (batch 64, momentum 0.9): gather the batch, forward,
 *       backward, the fused momentum update; the step itself allocates nothing
 *       ({@code TrainerAllocationTest}; {@code -prof gc} shows only JMH's own per-iteration
 *       bookkeeping spread over the operations, tens of bytes per op);
 *   <li>{@code trainingEpoch}: one epoch over {@code samples} digits (batch 64, momentum 0.9), then
 *       loss and accuracy on the training set (the shared numpy tool's row
 *       {@code net-sgd-epoch-8000x1024} runs it with samples = 8000, the paper's size);
 *   <li>{@code gradientBatch128Native}: the gradient on a batch of 128, no update.
 * </ul>
 * Through {@link TwoLayerNetwork}'s boundary API, so every call also converts X, W and V (≈ 1 ms per
 * backend per {@link ConversionBenchmark}): {@code gradientBatch128} and
 * {@code exactHessianDiagonal} on {@code samples} digits (the importance HI of Definition 2.2).
 *
 * <p>The training benchmarks keep training across iterations (the weights move on, the work per
 * step does not change). Inputs are synthetic (pixel values uniform in [0, 1], uniform labels),
 * seeded; MNIST's shape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NetworkBenchmark {

  @Param({"REFERENCE", "EJML", "OJALGO", "COMMONS_MATH", "OPENBLAS", "HIPPARCHUS", "NETLIB"})
  public String backend;

  @Param({"ALL_CORES"}) public Parallelism parallelism;

  /** Hidden width m. */
  @Param({"1024"}) public int width;

  /**
   * Samples for the Hessian diagonal and the training set of {@code trainingEpoch} /
   * {@code trainingStep} (the gradient always uses a batch of 128).
   */
  @Param({"2000"}) public int samples;

  /** Mini-batch and momentum of the training benchmarks (the paper's network runs). */
  static final SgdConfig SGD = new SgdConfig(0.05, 0.9, 64, 1, 20200619L);

  LinearAlgebraBackend<Object> be;
  NetParams net;
  Digits batch;
  Digits hessianData;
  SgdSession<?> training;
  SgdSession<?> gradient128;
  private int nextStart;

  @Setup(Level.Trial)
  public void setup() {
    be = BenchBackends.open(backend, parallelism);
    net = NetParams.heNormal(784, width, 10, 20200619L);
    RandomGenerator rng = Rng.of(20200619L);
    hessianData = digits(rng, samples);
    batch = digits(rng, Math.min(128, samples));
    training = SgdSession.open(be, net, null, hessianData, SGD);
    gradient128 = SgdSession.open(be, net, null, batch, new SgdConfig(0.05, 0.9, 128, 1, 1L));
    nextStart = 0;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    training.close();
    gradient128.close();
  }

  private static Digits digits(RandomGenerator rng, int n) {
    double[] x = new double[n * 784];
    for (int k = 0; k < x.length; k++) {
      x[k] = rng.nextDouble();
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = rng.nextInt(10);
    }
    return new Digits(Matrix.wrap(n, 784, x), labels, 10);
  }

  /** The measured gradient; the sanity test calls it directly and checks the result. */
  public NetParams gradientOnce() {
    return TwoLayerNetwork.gradient(be, net, batch);
  }

  /** The measured Hessian diagonal; the sanity test calls it directly and checks the result. */
  public NetParams hessianOnce() {
    return TwoLayerNetwork.hessianDiagonal(be, net, hessianData);
  }

  /**
   * The measured SGD step: the next full mini-batch of the current order, wrapping around before a
   * shorter last batch (whose workspace would be created, once, inside the measurement).
   */
  public double stepOnce() {
    double loss = training.step(nextStart);
    nextStart += SGD.batchSize();
    if (nextStart + SGD.batchSize() > training.size()) {
      nextStart = 0;
    }
    return loss;
  }

  /** The measured epoch and the training-set evaluation after it. */
  public EpochStats epochOnce() {
    training.epoch();
    return training.stats(1);
  }

  /** The measured native gradient; returns the batch loss (the gradient stays in the workspace). */
  public double gradientNativeOnce() {
    return gradient128.gradient(0);
  }

  @Benchmark
  public double trainingStep() {
    return stepOnce();
  }

  @Benchmark
  public EpochStats trainingEpoch() {
    return epochOnce();
  }

  @Benchmark
  public double gradientBatch128Native() {
    return gradientNativeOnce();
  }

  @Benchmark
  public NetParams gradientBatch128() {
    return gradientOnce();
  }

  @Benchmark
  public NetParams exactHessianDiagonal() {
    return hessianOnce();
  }
}
