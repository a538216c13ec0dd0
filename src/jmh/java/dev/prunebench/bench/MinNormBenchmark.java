package dev.prunebench.bench;

import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Minimum-norm least squares {@code θ = X⁺ y} (paper eq. 3.2) per algorithm, at the Figure 1 size,
 * four times that, and one tall case. Operands are converted to the library's type in {@code @Setup},
 * so only the solve is timed. The solve does not modify its inputs, so no per-invocation copy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MinNormBenchmark {

  @Param({"REFERENCE", "EJML", "OJALGO", "COMMONS_MATH", "OPENBLAS", "HIPPARCHUS", "NETLIB"})
  public String backend;

  @Param({"ALL_CORES"}) public Parallelism parallelism;

  @Param({"CHOLESKY", "QR", "SVD"}) public LeastSquaresAlgorithm algorithm;

  @Param({"N600_P1000", "N2400_P4000", "N2000_P500"}) public Shape shape;

  LinearAlgebraBackend<Object> be;
  Object x;
  Object y;

  @Setup(Level.Trial)
  public void setup() {
    be = BenchBackends.open(backend, parallelism);
    RandomGenerator rng = Rng.of(20200619L);
    x = be.fromBoundary(Rng.gaussian(rng, shape.rows, shape.cols));
    y = be.fromBoundary(Rng.gaussian(rng, shape.rows, 1));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    be.release(x);
    be.release(y);
  }

  /** The measured work; the sanity test calls it directly and checks the result. */
  public Object run() {
    return be.solveMinNorm(x, y, algorithm);
  }

  @Benchmark
  public void solve(Blackhole bh) {
    long t0 = Slowdown.ACTIVE ? Slowdown.start("MinNormBenchmark.solve") : 0L;
    Object theta = run();
    bh.consume(theta);
    // A native result is freed as a real caller would free it; for heap backends this is a no-op.
    be.release(theta);
    Slowdown.finish(t0);
  }
}
