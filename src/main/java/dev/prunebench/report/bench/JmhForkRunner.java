package dev.prunebench.report.bench;

import dev.prunebench.linalg.Backend;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * One JMH fork through JMH's {@code Runner} API: exactly one benchmark method at exactly one parameter
 * set, {@code forks(1)}, so the protocol decides the order of forks across backends (JMH alone would run
 * all forks of one backend before the next).
 */
public final class JmhForkRunner implements ForkRunner {

  private final VerboseMode verbosity;

  /** @param verbosity JMH's console output per fork ({@code SILENT} keeps a long run's log readable) */
  public JmhForkRunner(VerboseMode verbosity) {
    this.verbosity = verbosity;
  }

  /** How long to wait for another JMH instance (another user's run) to release JMH's lock before giving up. */
  private static final int LOCK_RETRIES = 120;
  private static final long LOCK_WAIT_MILLIS = 5_000;

  /**
   * Runs JMH, waiting while another JMH instance on this machine holds its lock: the protocol starts
   * hundreds of short runs, and a neighbour's run may take the lock between two of them.
   */
  private static Collection<RunResult> runWhenFree(Runner runner) throws RunnerException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return runner.run();
      } catch (RunnerException e) {
        if (attempt >= LOCK_RETRIES || e.getMessage() == null || !e.getMessage().contains("JMH lock")) {
          throw e;
        }
        Thread.sleep(LOCK_WAIT_MILLIS);
      }
    }
  }

  @Override
  public ForkRunner.Result run(BenchGroup group, String backend, Settings s) throws Exception {
    ChainedOptionsBuilder o = new OptionsBuilder()
        .include("^" + group.benchmark().replace(".", "\\.") + "$")
        .warmupIterations(s.warmupIterations())
        .warmupTime(TimeValue.milliseconds(s.warmupMillis()))
        .measurementIterations(s.measurementIterations())
        .measurementTime(TimeValue.milliseconds(s.measurementMillis()))
        .timeUnit(TimeUnit.MILLISECONDS)
        .forks(1)
        .shouldFailOnError(true)
        .verbosity(verbosity);
    group.paramsWith(backend).forEach(o::param);
    if (s.gcProfiler()) {
      o.addProfiler(GCProfiler.class);
    }
    // Forks see the same backends as this JVM: netlib's Vector-API BLAS and the jars loaded by --with.
    List<String> forkArgs = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector"));
    String with = System.getProperty(Backend.WITH_PROPERTY, "");
    if (!with.isBlank()) {
      forkArgs.add("-D" + Backend.WITH_PROPERTY + "=" + with);
    }
    forkArgs.addAll(s.jvmArgs());
    o.jvmArgsAppend(forkArgs.toArray(String[]::new));
    Collection<RunResult> results = runWhenFree(new Runner(o.build()));
    if (results.size() != 1) {
      throw new IllegalStateException(group + " on " + backend + ": JMH returned " + results.size()
          + " results, expected exactly one (check the include pattern and parameters)");
    }
    RunResult r = results.iterator().next();
    double[] iterations = r.getBenchmarkResults().stream()
        .flatMap(b -> b.getIterationResults().stream())
        .mapToDouble(i -> i.getPrimaryResult().getScore()).toArray();
    org.openjdk.jmh.results.Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
    return new ForkRunner.Result(r.getParams().getMode().shortLabel(), r.getPrimaryResult().getScoreUnit(),
        r.getPrimaryResult().getScore(), iterations, alloc == null ? Double.NaN : alloc.getScore());
  }
}
