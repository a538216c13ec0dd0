package dev.prunebench.bench;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
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

/**
 * Conversion between the boundary {@link Matrix} and each library's type, measured on its own so
 * that it never hides inside a kernel's time (the Java-Matrix-Benchmark {@code convertToLib} lesson).
 * {@link CopyBaselineBenchmark} is the yardstick: a plain copy of the same bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConversionBenchmark {

  @Param({"REFERENCE", "EJML", "OJALGO", "COMMONS_MATH", "OPENBLAS", "HIPPARCHUS", "NETLIB"})
  public String backend;

  @Param({"N600_P1000", "N2400_P4000"}) public Shape shape;

  LinearAlgebraBackend<Object> be;
  Matrix boundary;
  Object lib;

  @Setup(Level.Trial)
  public void setup() {
    be = BenchBackends.open(backend, Parallelism.ALL_CORES);
    boundary = Rng.gaussian(Rng.of(20200619L), shape.rows, shape.cols);
    lib = be.fromBoundary(boundary);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    be.release(lib);
  }

  @Benchmark
  public void toLibrary(Blackhole bh) {
    Object m = be.fromBoundary(boundary);
    bh.consume(m);
    be.release(m);
  }

  @Benchmark
  public Matrix toBoundary() {
    return be.toBoundary(lib);
  }

}
