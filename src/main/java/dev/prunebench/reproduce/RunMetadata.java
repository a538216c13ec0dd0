package dev.prunebench.reproduce;

/**
 * Where and when a reproduction ran, for the reports index.
 *
 * @param commit short git commit ("-dirty" when the tree had changes, "nogit" outside a repository)
 * @param jvm JVM name and version
 * @param cores available processors
 * @param started start time (UTC, ISO-8601, seconds)
 * @param loadAverage one-minute system load average at the start (negative if unknown); the
 *     machine may be shared, and wall times only mean something next to it
 */
public record RunMetadata(String commit, String jvm, int cores, String started, double loadAverage) {

  /** The current JVM and machine, with {@code commit} and {@code started} supplied by the caller. */
  public static RunMetadata capture(String commit, String started) {
    Runtime rt = Runtime.getRuntime();
    String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return new RunMetadata(commit, jvm, rt.availableProcessors(), started, load);
  }
}
