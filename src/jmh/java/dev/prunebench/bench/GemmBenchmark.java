package dev.prunebench.bench;

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
 * Dense products {@code C = op(A) · op(B)} with C of size m x n and inner dimension k, at the
 * network's shapes (batch 128 x 784 x 1024, 1024³) and 2000³ (the numpy reference point); 2·m·n·k
 * flops.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GemmBenchmark {

  @Param({"REFERENCE", "EJML", "OJALGO", "COMMONS_MATH", "OPENBLAS", "HIPPARCHUS", "NETLIB"})
  public String backend;

  @Param({"SINGLE", "ALL_CORES"}) public Parallelism parallelism;

  @Param public GemmOp op;

  @Param({"M128_K784_N1024", "M1024_K1024_N1024", "M2000_K2000_N2000"}) public Shape shape;

  LinearAlgebraBackend<Object> be;
  Object a;
  Object b;

  @Setup(Level.Trial)
  public void setup() {
    be = BenchBackends.open(backend, parallelism);
    RandomGenerator rng = Rng.of(20200619L);
    int m = shape.rows;
    int n = shape.cols;
    int k = shape.inner;
    a = be.fromBoundary(op == GemmOp.AT_B ? Rng.gaussian(rng, k, m) : Rng.gaussian(rng, m, k));
    b = be.fromBoundary(op == GemmOp.A_BT ? Rng.gaussian(rng, n, k) : Rng.gaussian(rng, k, n));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    be.release(a);
    be.release(b);
  }

  /** The measured work; the sanity test calls it directly and checks the result. */
  public Object run() {
    return switch (op) {
      case AB -> be.multiply(a, b);
      case AT_B -> be.multiplyTransA(a, b);
      case A_BT -> be.multiplyTransB(a, b);
    };
  }

  @Benchmark
  public void gemm(Blackhole bh) {
    long t0 = Slowdown.ACTIVE ? Slowdown.start("GemmBenchmark.gemm") : 0L;
    Object c = run();
    bh.consume(c);
    be.release(c);
    Slowdown.finish(t0);
  }
}
