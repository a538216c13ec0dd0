package dev.prunebench.util;

import java.util.Locale;
import java.util.Optional;

/**
 * Refuses, before any work, a run whose dominant arrays cannot fit: an experiment estimates the bytes
 * of its largest arrays (a lower bound on what it needs: small vectors, JVM overhead and garbage are
 * not counted), split into Java heap and native memory (OpenBLAS buffers), and the run is refused
 * when either part exceeds what the process may use. Because the estimate is a lower bound, a refusal
 * is certain to be right; a run just under the limit may still run out of memory later.
 */
public final class MemoryBudget {
  private MemoryBudget() {}

  /** Java arrays hold {@code double}s of 8 bytes. */
  public static final long DOUBLE = Double.BYTES;

  /**
   * Bytes an experiment needs.
   *
   * @param heapBytes on the Java heap
   * @param nativeBytes outside the heap (library-native matrices)
   */
  public record Estimate(long heapBytes, long nativeBytes) {
    public Estimate {
      if (heapBytes < 0 || nativeBytes < 0) {
        throw new IllegalArgumentException("estimate: bytes must be >= 0, got " + heapBytes + ", " + nativeBytes);
      }
    }

    /**
     * {@code boundaryDoubles} on the heap plus {@code workingDoubles} kept by the backend: on the heap for
     * a Java backend, in native memory when {@code nativeBackend}. Saturates instead of overflowing.
     */
    public static Estimate of(double boundaryDoubles, double workingDoubles, boolean nativeBackend) {
      double heap = DOUBLE * (boundaryDoubles + (nativeBackend ? 0 : workingDoubles));
      double off = nativeBackend ? DOUBLE * workingDoubles : 0;
      return new Estimate(saturate(heap), saturate(off));
    }

    private static long saturate(double bytes) {
      return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(bytes);
    }
  }

  /** This JVM's limits: {@code Runtime.maxMemory()} and the backend's native limit. */
  public static Optional<String> refusal(Estimate need, long nativeLimitBytes) {
    return refusal(need, Runtime.getRuntime().maxMemory(), nativeLimitBytes);
  }

  /**
   * Why {@code need} cannot run with {@code maxHeap} bytes of heap and {@code maxNative} bytes of native
   * memory, e.g. "needs about 3.2 GiB of heap, the JVM has 1.0 GiB; raise -Xmx"; empty when it fits.
   */
  public static Optional<String> refusal(Estimate need, long maxHeap, long maxNative) {
    if (need.heapBytes() > maxHeap) {
      return Optional.of("needs about " + size(need.heapBytes()) + " of heap, the JVM has " + size(maxHeap)
          + "; raise -Xmx (e.g. java -Xmx" + suggestedGiB(need.heapBytes()) + "g -jar ...) or choose smaller sizes");
    }
    if (need.nativeBytes() > maxNative) {
      return Optional.of("needs about " + size(need.nativeBytes()) + " of native memory for OpenBLAS, JavaCPP allows "
          + size(maxNative) + "; raise -Dorg.bytedeco.javacpp.maxBytes (default: the -Xmx value) or choose "
          + "smaller sizes");
    }
    return Optional.empty();
  }

  /** A byte count in binary units with one decimal, e.g. {@code 3.2 GiB}. */
  public static String size(long bytes) {
    if (bytes == Long.MAX_VALUE) {
      return "more than 8 EiB";
    }
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private static long suggestedGiB(long bytes) {
    return Math.max(1, (long) Math.ceil(bytes * 1.5 / (1L << 30)));
  }
}
