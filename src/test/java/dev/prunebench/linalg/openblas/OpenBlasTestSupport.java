package dev.prunebench.linalg.openblas;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prunebench.linalg.Availability;
import dev.prunebench.linalg.Backend;

/** Skips a test class, saying why, only when the native library cannot load on this platform. */
final class OpenBlasTestSupport {
  private OpenBlasTestSupport() {}

  static void assumeOpenBlasLoads() {
    Availability a = Backend.OPENBLAS.availability();
    assumeTrue(a.available(), () -> "OpenBLAS backend unavailable on this platform: " + a.reason());
  }
}
