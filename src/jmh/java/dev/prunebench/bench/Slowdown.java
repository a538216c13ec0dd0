package dev.prunebench.bench;

/**
 * A test-only knob that makes one benchmark slower by a known fraction, to measure how often
 * {@code compare} catches a real slow-down ({@code prunebench bench gate-quality}). Off unless the forked
 * benchmark JVM gets {@code -Dprunebench.test.slowdown=<Class>.<method>:<fraction>}, e.g.
 * {@code GemmBenchmark.gemm:0.15}; it lives only in the JMH sources, never in a library code path.
 *
 * <p>When on, the benchmark method times its own work ({@code t}) and then busy-waits {@code fraction · t},
 * so the slow-down is proportional to the kernel's own time on this machine at this moment (a fixed
 * sleep would be a different fraction on every machine). When off, {@link #ACTIVE} is a {@code static
 * final false} and the JIT removes both calls.
 */
public final class Slowdown {
  private Slowdown() {}

  /** The system property that turns the knob on. */
  public static final String PROPERTY = "prunebench.test.slowdown";

  private static final String TARGET;
  private static final double FRACTION;
  /** Whether any benchmark is slowed in this JVM. */
  public static final boolean ACTIVE;

  static {
    String spec = System.getProperty(PROPERTY, "");
    int colon = spec.lastIndexOf(':');
    if (spec.isEmpty()) {
      TARGET = "";
      FRACTION = 0;
    } else if (colon <= 0) {
      throw new IllegalArgumentException(PROPERTY + "=" + spec + ": expected <Class>.<method>:<fraction>");
    } else {
      TARGET = spec.substring(0, colon);
      FRACTION = Double.parseDouble(spec.substring(colon + 1));
      if (!(FRACTION > 0 && FRACTION <= 10)) {
        throw new IllegalArgumentException(PROPERTY + "=" + spec + ": fraction must be in (0, 10]");
      }
    }
    ACTIVE = !TARGET.isEmpty();
  }

  /** Whether {@code benchmark} ({@code Class.method}) is the slowed one. */
  public static boolean targets(String benchmark) {
    return ACTIVE && TARGET.equals(benchmark);
  }

  /** The start time for {@link #finish}, or 0 when the knob is off for {@code benchmark}. */
  public static long start(String benchmark) {
    return targets(benchmark) ? System.nanoTime() : 0L;
  }

  /** Busy-waits {@code fraction} of the time since {@code start} (nothing when {@code start == 0}). */
  public static void finish(long start) {
    if (start == 0L) {
      return;
    }
    long now = System.nanoTime();
    long until = now + (long) (FRACTION * (now - start));
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }
}
