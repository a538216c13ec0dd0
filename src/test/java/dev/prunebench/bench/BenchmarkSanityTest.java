package dev.prunebench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.linalg.TestBackends;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calls every benchmark's measured work once per backend at a tiny size and checks its result
 * against the reference backend (RoaringBitmap's {@code RealDataBenchmarkSanityTest}): a benchmark
 * that computes garbage, or that times something other than what it claims, fails the build.
 *
 * <p>Tolerances: the sanity shapes are 12 x 20 / 20 x 12 Gaussian designs (condition number ≈ 8, so
 * ≈ 60 for the Gram matrix); backends then agree to ≈ 1e-14 in practice. 1e-9 is four orders of
 * magnitude above that and far below any real error (a wrong kernel is off by O(1)).
 */
class BenchmarkSanityTest {

  private static final double SOLVE_TOL = 1e-9;
  /** GEMM with inner dimension 5 on N(0,1) entries: a few ulps of O(1) sums. */
  private static final double GEMM_TOL = 1e-12;

  /** The contract suite's backend selection ({@code -Dprunebench.test.backends=...}). */
  static Stream<Backend> backends() {
    return TestBackends.selected().stream();
  }

  /** Only OpenBLAS may be skipped (its native library may not load here); a JVM backend must run. */
  private static void requireAvailable(Backend b) {
    if (!b.availability().available()) {
      Assumptions.assumeTrue(b != Backend.OPENBLAS, () -> "openblas unavailable: " + b.availability().reason());
      Assertions.fail("JVM backend " + b.cliName() + " must be available: " + b.availability().reason());
    }
  }

  /** Runs a state's measured work on {@code backend} and returns the result as a boundary matrix. */
  private static <S> Matrix resultOn(Backend backend, Function<Backend, S> make,
      Function<S, Object> run, Function<S, dev.prunebench.linalg.LinearAlgebraBackend<Object>> be) {
    S state = make.apply(backend);
    Object r = run.apply(state);
    Matrix m = be.apply(state).toBoundary(r);
    be.apply(state).release(r);
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void minNormBenchmarkSolvesTheSameProblemAsReference(Backend backend) {
    requireAvailable(backend);
    for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
      for (Shape shape : new Shape[] {Shape.SANITY_WIDE, Shape.SANITY_TALL}) {
        Function<Backend, MinNormBenchmark> make = b -> {
          MinNormBenchmark s = new MinNormBenchmark();
          s.backend = b.name();
          s.parallelism = Parallelism.ALL_CORES;
          s.algorithm = alg;
          s.shape = shape;
          s.setup();
          return s;
        };
        Matrix got = resultOn(backend, make, MinNormBenchmark::run, s -> s.be);
        Matrix want = resultOn(Backend.REFERENCE, make, MinNormBenchmark::run, s -> s.be);
        assertThat(got.rows()).isEqualTo(shape.cols);
        assertThat(got.maxAbsDiff(want)).as("%s %s %s", backend, alg, shape).isLessThan(SOLVE_TOL);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void pseudoInverseBenchmarkMatchesReference(Backend backend) {
    requireAvailable(backend);
    Function<Backend, PseudoInverseBenchmark> make = b -> {
      PseudoInverseBenchmark s = new PseudoInverseBenchmark();
      s.backend = b.name();
      s.parallelism = Parallelism.ALL_CORES;
      s.shape = Shape.SANITY_WIDE;
      s.setup();
      return s;
    };
    Matrix got = resultOn(backend, make, PseudoInverseBenchmark::run, s -> s.be);
    Matrix want = resultOn(Backend.REFERENCE, make, PseudoInverseBenchmark::run, s -> s.be);
    assertThat(got.rows()).isEqualTo(Shape.SANITY_WIDE.cols);
    assertThat(got.maxAbsDiff(want)).isLessThan(SOLVE_TOL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void gemmBenchmarkComputesEveryVariantCorrectly(Backend backend) {
    requireAvailable(backend);
    for (GemmOp op : GemmOp.values()) {
      for (Parallelism par : Parallelism.values()) {
        Function<Backend, GemmBenchmark> make = b -> {
          GemmBenchmark s = new GemmBenchmark();
          s.backend = b.name();
          s.parallelism = par;
          s.op = op;
          s.shape = Shape.SANITY_GEMM;
          s.setup();
          return s;
        };
        Matrix got = resultOn(backend, make, GemmBenchmark::run, s -> s.be);
        Matrix want = resultOn(Backend.REFERENCE, make, GemmBenchmark::run, s -> s.be);
        assertThat(got.rows()).isEqualTo(Shape.SANITY_GEMM.rows);
        assertThat(got.cols()).isEqualTo(Shape.SANITY_GEMM.cols);
        assertThat(got.maxAbsDiff(want)).as("%s %s %s", backend, op, par).isLessThan(GEMM_TOL);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void hessianDiagonalBenchmarkMatchesReference(Backend backend) {
    requireAvailable(backend);
    Function<Backend, HessianDiagonalBenchmark> make = b -> {
      HessianDiagonalBenchmark s = new HessianDiagonalBenchmark();
      s.backend = b.name();
      s.parallelism = Parallelism.ALL_CORES;
      s.shape = Shape.SANITY_WIDE;
      s.setup();
      return s;
    };
    Matrix got = resultOn(backend, make, HessianDiagonalBenchmark::run, s -> s.be);
    Matrix want = resultOn(Backend.REFERENCE, make, HessianDiagonalBenchmark::run, s -> s.be);
    assertThat(got.cols()).isEqualTo(Shape.SANITY_WIDE.cols);
    assertThat(got.maxAbsDiff(want)).isLessThan(GEMM_TOL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void hardThresholdBenchmarkKeepsExactlyTheLargestWeights(Backend backend) {
    requireAvailable(backend);
    for (HardThresholdBenchmark.Variant variant : HardThresholdBenchmark.Variant.values()) {
      for (double keep : new double[] {0.1, 0.5}) {
        Function<Backend, HardThresholdBenchmark> make = b -> {
          HardThresholdBenchmark s = new HardThresholdBenchmark();
          s.backend = b.name();
          s.size = ThresholdSize.SANITY;
          s.keep = keep;
          s.variant = variant;
          s.setup();
          return s;
        };
        Matrix got = resultOn(backend, make, HardThresholdBenchmark::run, s -> s.be);
        Matrix want = resultOn(Backend.REFERENCE, make, HardThresholdBenchmark::run, s -> s.be);
        // Selection is exact: the same weights survive, bit for bit.
        assertThat(got).as("%s %s keep=%s", backend, variant, keep).isEqualTo(want);
        long nonzero = Arrays.stream(got.toArray()).filter(v -> v != 0).count();
        long expected = variant == HardThresholdBenchmark.Variant.GLOBAL
            ? Math.round(keep * ThresholdSize.SANITY.p())
            : Arrays.stream(ThresholdSize.SANITY.groups()).mapToLong(g -> Math.round(keep * g)).sum();
        assertThat(nonzero).isEqualTo(expected);
      }
    }
  }

  /**
   * Width 8 and 20 samples: a gradient or Hessian entry is a sum of at most 20 · 784 products of
   * O(1) terms, so backends agree to ≈ 1e-15 relative; 1e-10 relative flags only a wrong kernel.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void networkBenchmarkComputesTheReferenceGradientAndHessian(Backend backend) {
    requireAvailable(backend);
    Function<Backend, NetworkBenchmark> make = b -> {
      NetworkBenchmark s = new NetworkBenchmark();
      s.backend = b.name();
      s.parallelism = Parallelism.ALL_CORES;
      s.width = 8;
      s.samples = 20;
      s.setup();
      return s;
    };
    NetworkBenchmark got = make.apply(backend);
    NetworkBenchmark want = make.apply(Backend.REFERENCE);
    for (boolean hessian : new boolean[] {false, true}) {
      dev.prunebench.nn.NetParams g = hessian ? got.hessianOnce() : got.gradientOnce();
      dev.prunebench.nn.NetParams r = hessian ? want.hessianOnce() : want.gradientOnce();
      double scale = Math.max(max(r.w()), max(r.v()));
      assertThat(scale).isPositive();
      assertThat(Math.max(g.w().maxAbsDiff(r.w()), g.v().maxAbsDiff(r.v())) / scale)
          .as("%s hessian=%s", backend, hessian).isLessThan(1e-10);
    }
  }

  /**
   * The native benchmarks at width 8 on 20 samples (one mini-batch of 20 when the batch is 64): the
   * native gradient equals the boundary one, one step moves the weights to θ − η g (the momentum
   * buffer starts at zero), and an epoch and its evaluation agree with the reference backend. Entries
   * are sums of ≤ 20·784 products, so backends agree to ≈ 1e-15 relative per step; an epoch is one
   * step here, so 1e-10 relative still flags only a wrong kernel.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void networkTrainingBenchmarksComputeTheReferenceStep(Backend backend) {
    requireAvailable(backend);
    Function<Backend, NetworkBenchmark> make = b -> {
      NetworkBenchmark s = new NetworkBenchmark();
      s.backend = b.name();
      s.parallelism = Parallelism.ALL_CORES;
      s.width = 8;
      s.samples = 20;
      s.setup();
      return s;
    };
    NetworkBenchmark got = make.apply(backend);
    NetworkBenchmark want = make.apply(Backend.REFERENCE);
    dev.prunebench.nn.NetParams boundary = want.gradientOnce();
    double loss = got.gradientNativeOnce();
    assertThat(loss).as("batch loss of a 10-class network near initialisation").isBetween(0.1, 20.0);
    dev.prunebench.nn.NetParams nativeGrad = got.gradient128.lastGradient();
    assertThat(relDiff(nativeGrad, boundary)).as("%s native gradient", backend).isLessThan(1e-10);

    dev.prunebench.nn.NetParams before = got.training.weights();
    dev.prunebench.nn.NetParams full = dev.prunebench.nn.TwoLayerNetwork.gradient(want.be, before,
        got.hessianData);
    got.stepOnce();
    dev.prunebench.nn.NetParams after = got.training.weights();
    double lr = NetworkBenchmark.SGD.learningRate();
    dev.prunebench.nn.NetParams expected = new dev.prunebench.nn.NetParams(descend(before.w(), full.w(), lr),
        descend(before.v(), full.v(), lr));
    assertThat(relDiff(after, expected)).as("%s one step", backend).isLessThan(1e-10);

    want.stepOnce();
    dev.prunebench.nn.EpochStats e = got.epochOnce();
    dev.prunebench.nn.EpochStats r = want.epochOnce();
    assertThat(e.trainAccuracy()).as("%s accuracy after an epoch", backend).isEqualTo(r.trainAccuracy());
    assertThat(Math.abs(e.trainLoss() - r.trainLoss()) / r.trainLoss()).isLessThan(1e-10);
    assertThat(relDiff(got.training.weights(), want.training.weights())).as("%s weights after the epoch",
        backend).isLessThan(1e-10);
    got.tearDown();
    want.tearDown();
  }

  /** θ − η g, entrywise. */
  private static Matrix descend(Matrix theta, Matrix g, double lr) {
    double[] t = theta.toArray();
    for (int k = 0; k < t.length; k++) {
      t[k] -= lr * g.getFlat(k);
    }
    return Matrix.of(theta.rows(), theta.cols(), t);
  }

  private static double relDiff(dev.prunebench.nn.NetParams a, dev.prunebench.nn.NetParams b) {
    double scale = Math.max(max(b.w()), max(b.v()));
    return Math.max(a.w().maxAbsDiff(b.w()), a.v().maxAbsDiff(b.v())) / scale;
  }

  private static double max(Matrix m) {
    return Arrays.stream(m.toArray()).map(Math::abs).max().orElse(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void conversionBenchmarkRoundTripsExactly(Backend backend) {
    requireAvailable(backend);
    ConversionBenchmark s = new ConversionBenchmark();
    s.backend = backend.name();
    s.shape = Shape.SANITY_WIDE;
    s.setup();
    assertThat(s.toBoundary()).isEqualTo(s.boundary);
    s.tearDown();
  }
}
