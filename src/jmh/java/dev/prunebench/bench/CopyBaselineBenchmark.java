package dev.prunebench.bench;

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

/**
 * The yardstick for {@link ConversionBenchmark}: a plain {@code clone()} of the same number of
 * doubles (the target is conversion ≤ 2× this copy); and the machine's memory roof: a streaming copy
 * into a destination allocated once ({@code streamCopy}, STREAM's "copy", 16 bytes per element), which
 * unlike {@code clone()} pays for no allocation, zeroing or garbage collection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CopyBaselineBenchmark {

  @Param({"N600_P1000", "N2400_P4000"}) public Shape shape;

  double[] raw;
  double[] dst;

  @Setup(Level.Trial)
  public void setup() {
    raw = new double[shape.rows * shape.cols];
    java.util.Arrays.fill(raw, 1.5);
    dst = new double[raw.length];
  }

  @Benchmark
  public double[] arrayCopy() {
    return raw.clone();
  }

  @Benchmark
  public double[] streamCopy() {
    System.arraycopy(raw, 0, dst, 0, raw.length);
    return dst;
  }
}
