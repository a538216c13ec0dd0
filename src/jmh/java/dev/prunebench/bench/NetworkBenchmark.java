package dev.prunebench.bench;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.nn.NetParams;
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

/**
 * The two-layer network of paper Section 4 ({@code f(x) = V · ReLU(W x)}, d = 784, K = 10, width
 * m = 1024): the gradient of the cross-entropy loss on a mini-batch of 128 (the work of one SGD step,
 * forward and backward, without the O(p) weight update) and the exact Hessian diagonal on n = 2000
 * samples (the importance HI of Definition 2.2).
 *
 * <p>Both go through {@link TwoLayerNetwork}'s public API, which takes boundary matrices, so each
 * measured call also converts X, W and V into the library's type (≈ 20 MB for the Hessian case, ≈ 1 ms
 * per backend per {@link ConversionBenchmark}): the times are upper bounds of the kernels themselves.
 * Inputs are synthetic (pixel values uniform in [0, 1], uniform labels), seeded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NetworkBenchmark {

  @Param public Backend backend;

  @Param({"ALL_CORES"}) public Parallelism parallelism;

  /** Hidden width m. */
  @Param({"1024"}) public int width;

  /** Samples for the Hessian diagonal (the gradient always uses a batch of 128). */
  @Param({"2000"}) public int samples;

  LinearAlgebraBackend<Object> be;
  NetParams net;
  Digits batch;
  Digits hessianData;

  @Setup(Level.Trial)
  public void setup() {
    be = BenchBackends.open(backend, parallelism);
    net = NetParams.heNormal(784, width, 10, 20200619L);
    RandomGenerator rng = Rng.of(20200619L);
    hessianData = digits(rng, samples);
    batch = digits(rng, Math.min(128, samples));
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

  @Benchmark
  public NetParams gradientBatch128() {
    return gradientOnce();
  }

  @Benchmark
  public NetParams exactHessianDiagonal() {
    return hessianOnce();
  }
}
