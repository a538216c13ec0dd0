package dev.prunebench.bench;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.linalg.TopS;
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
 * Hard thresholding {@code Π_s} (paper Definition 2.3) by magnitude: keep the s = keep · p weights
 * with the largest {@code w²}, globally or layer-wise. The weights are a 1 x p row vector in the
 * library's own type, as a pruning step holds them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HardThresholdBenchmark {

  /** Global (one s over all weights) or layer-wise (the same fraction in every group). */
  public enum Variant { GLOBAL, LAYERWISE }

  @Param({"REFERENCE", "EJML", "OJALGO", "COMMONS_MATH", "OPENBLAS", "HIPPARCHUS", "NETLIB"})
  public String backend;

  @Param({"P1E4", "P1E6", "NETWORK"}) public ThresholdSize size;

  @Param({"0.01", "0.1"}) public double keep;

  @Param public Variant variant;

  LinearAlgebraBackend<Object> be;
  Object weights;
  Object importance;
  /** The caller-owned output of the global variant (numpy's argpartition into a preallocated output). */
  Object out;
  int s;
  int[] groups;

  @Setup(Level.Trial)
  public void setup() {
    be = BenchBackends.open(backend, Parallelism.ALL_CORES);
    RandomGenerator rng = Rng.of(20200619L);
    Matrix w = Rng.gaussian(rng, 1, size.p());
    weights = be.fromBoundary(w);
    importance = be.hadamard(weights, weights);
    groups = size.groups();
    s = TopS.keepCount(size.p(), keep);
    out = be.zeros(1, size.p());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    be.release(weights);
    be.release(importance);
    be.release(out);
  }

  /**
   * The measured work; the sanity test calls it directly and checks the result. GLOBAL writes into
   * the preallocated {@link #out} and returns it; LAYERWISE returns a new matrix.
   */
  public Object run() {
    if (variant == Variant.GLOBAL) {
      be.hardThresholdInto(weights, importance, s, out);
      return out;
    }
    Object mask = be.keepMaskPerGroup(importance, groups, keep);
    Object pruned = be.hadamard(weights, mask);
    be.release(mask);
    return pruned;
  }

  @Benchmark
  public void prune(Blackhole bh) {
    long t0 = Slowdown.ACTIVE ? Slowdown.start("HardThresholdBenchmark.prune") : 0L;
    Object pruned = run();
    bh.consume(pruned);
    if (pruned != out) {
      be.release(pruned);
    }
    Slowdown.finish(t0);
  }
}
