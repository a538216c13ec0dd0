package dev.prunebench.nn;

/**
 * Where one run (a whole study or one shard) came from, for the report's provenance: nothing here
 * enters a CSV, a figure or a claim, so merged shards give the same numbers as a whole run while their
 * README lists every shard's origin.
 *
 * @param shard the shard ({@code K/N}, or {@code 1/1} for a whole run)
 * @param commit git commit of the code ({@code -dirty} when the work tree had changes)
 * @param command the command as typed
 * @param backend backend, library, version and threads
 * @param openblasCoretype {@code OPENBLAS_CORETYPE} when OpenBLAS ran the kernels ("unset" if not set),
 *     "n/a" otherwise
 * @param threadPolicy how the cores were shared
 * @param wallSeconds wall-clock time of the run
 * @param cpuSeconds CPU time of the whole JVM process over the run (all threads: jobs, kernels, JIT, GC)
 * @param loadAverage the machine's one-minute load average at the start (the machine may be shared)
 * @param started UTC start time, ISO-8601
 */
public record NnRunRecord(String shard, String commit, String command, String backend, String openblasCoretype,
    String threadPolicy, double wallSeconds, double cpuSeconds, double loadAverage, String started) {

  /** The CPU time of this JVM so far, in seconds, or NaN where the platform does not report it. */
  public static double processCpuSeconds() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      long ns = sun.getProcessCpuTime();
      return ns < 0 ? Double.NaN : ns / 1e9;
    }
    return Double.NaN;
  }

  /** The one-minute load average now, or NaN where the platform does not report it. */
  public static double currentLoadAverage() {
    double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? Double.NaN : l;
  }
}
