package dev.prunebench.report.bench;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.Parallelism;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine and libraries a benchmark run measured, recorded next to its JMH results so that two
 * runs are only compared knowingly.
 *
 * @param backends each backend's library, version and threads (single- and all-cores), or why it is unavailable
 * @param host the machine's host name ("unknown" if it cannot be read): with the CPU model and cores it
 *     tells {@code compare} whether two runs came from the same machine
 * @param calibration the calibration kernels before and after the run; null in files older than the protocol
 */
public record BenchEnvironment(String date, String commit, String preset, String jvm, String jvmVersion,
    String os, String cpuModel, int cores, long maxHeapBytes, String openblasNumThreads,
    String openblasCoretype, List<BackendRow> backends, String host, Calibration calibration) {

  /** This environment with its calibration. */
  public BenchEnvironment withCalibration(Calibration c) {
    return new BenchEnvironment(date, commit, preset, jvm, jvmVersion, os, cpuModel, cores, maxHeapBytes,
        openblasNumThreads, openblasCoretype, backends, host, c);
  }

  /** Whether {@code other} was measured on the same machine (host, CPU model and core count). */
  public boolean sameMachine(BenchEnvironment other) {
    return java.util.Objects.equals(host, other.host) && java.util.Objects.equals(cpuModel, other.cpuModel)
        && cores == other.cores;
  }

  /** One backend's identity in this run. */
  public record BackendRow(String backend, boolean available, String library, String version,
      int threadsSingle, int threadsAllCores, String details) {}

  /** Reads the current environment. */
  public static BenchEnvironment capture(String date, String commit, BenchPreset preset) {
    List<BackendRow> rows = new ArrayList<>();
    for (Backend b : Backend.values()) {
      if (!b.availability().available()) {
        rows.add(new BackendRow(b.cliName(), false, "", "", 0, 0, b.availability().reason()));
        continue;
      }
      BackendInfo single = b.create(Parallelism.SINGLE).info();
      BackendInfo all = b.create(Parallelism.ALL_CORES).info();
      rows.add(new BackendRow(b.cliName(), true, all.library(), all.version(), single.threads(), all.threads(),
          all.details()));
    }
    return new BenchEnvironment(date, commit, preset.name().toLowerCase(java.util.Locale.ROOT),
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), readCpuModel(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
        String.valueOf(System.getenv("OPENBLAS_NUM_THREADS")), String.valueOf(System.getenv("OPENBLAS_CORETYPE")),
        rows, hostName(), null);
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String readCpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through to the JVM's own description
    }
    return System.getProperty("os.arch");
  }
}
