package dev.prunebench.bench;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.util.Rng;
import java.util.concurrent.TimeUnit;
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

/** Explicit pseudo-inverse {@code X⁺} through the SVD (default rcond), at the Figure 1 size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PseudoInverseBenchmark {

  @Param({"REFERENCE", "EJML", "OJALGO", "COMMONS_MATH", "OPENBLAS", "HIPPARCHUS", "NETLIB"})
  public String backend;

  @Param({"ALL_CORES"}) public Parallelism parallelism;

  @Param({"N600_P1000"}) public Shape shape;

  LinearAlgebraBackend<Object> be;
  Object x;

  @Setup(Level.Trial)
  public void setup() {
    be = BenchBackends.open(backend, parallelism);
    x = be.fromBoundary(Rng.gaussian(Rng.of(20200619L), shape.rows, shape.cols));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    be.release(x);
  }

  /** The measured work; the sanity test calls it directly and checks the result. */
  public Object run() {
    return be.pseudoInverse(x);
  }

  @Benchmark
  public void pseudoInverse(Blackhole bh) {
    Object pinv = run();
    bh.consume(pinv);
    be.release(pinv);
  }
}
