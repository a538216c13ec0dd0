package dev.prunebench.report.bench;

import java.util.List;

/**
 * Runs one fork of one group on one backend and returns its measurement. The real implementation is
 * {@link JmhForkRunner} (one JMH fork per call); tests substitute a synthetic machine to check the
 * schedule and the statistics without running JMH.
 */
@FunctionalInterface
public interface ForkRunner {

  /**
   * How long a fork warms up and measures, and what its JVM gets.
   *
   * @param jvmArgs extra arguments for the forked JVM (e.g. the test-only slow-down property)
   * @param gcProfiler whether to add JMH's GC profiler (allocation per operation)
   */
  record Settings(int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis,
      List<String> jvmArgs, boolean gcProfiler) {
    public Settings {
      jvmArgs = List.copyOf(jvmArgs);
      if (warmupIterations < 0 || warmupMillis < 1 || measurementIterations < 1 || measurementMillis < 1) {
        throw new IllegalArgumentException("a fork needs >= 0 warm-up and >= 1 measurement iterations of >= 1 ms");
      }
    }

    /** A preset's timings. */
    public static Settings of(BenchPreset p, List<String> jvmArgs, boolean gcProfiler) {
      return new Settings(p.warmupIterations, p.warmupMillis, p.measurementIterations, p.measurementMillis,
          jvmArgs, gcProfiler);
    }
  }

  /**
   * One fork's result.
   *
   * @param mode JMH mode, e.g. {@code avgt}
   * @param unit score unit, e.g. {@code ms/op}
   * @param score the fork's score (mean of its measurement iterations)
   * @param iterations every measurement iteration's score
   * @param allocPerOp {@code gc.alloc.rate.norm} in bytes per operation, NaN without the GC profiler
   */
  record Result(String mode, String unit, double score, double[] iterations, double allocPerOp) {
    public Result {
      iterations = iterations.clone();
    }
  }

  Result run(BenchGroup group, String backend, Settings settings) throws Exception;
}
