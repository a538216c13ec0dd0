package dev.prunebench.linalg.netlib;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * The BLAS and LAPACK instances {@code dev.ludovic.netlib} picked, and which implementation each is.
 *
 * <p>{@code BLAS.getInstance()} tries, in order: the system's native BLAS through JNI
 * ({@code JNIBLAS}, needs a {@code libblas.so.3} on the library path), then {@code VectorBLAS} (Java
 * Vector API; on Java 16+ and only when the JVM runs with {@code --add-modules jdk.incubator.vector},
 * which {@code ./prunebench}, surefire and the JMH forks pass), then the plain-Java {@code Java11BLAS} /
 * {@code Java8BLAS}, whose routines not rewritten by hand fall back to the F2J translation of the
 * reference Fortran. LAPACK is native through JNI or {@code JavaLAPACK}, i.e. F2J. The class names are
 * reported verbatim ({@link #implementation()}), so every report says which one ran.
 */
final class NetlibRuntime {
  /**
   * The library logs a JUL warning on every start where no native BLAS is installed (the usual case
   * here); {@link #implementation()} states the outcome instead. Held strongly: JUL keeps loggers weakly.
   */
  private static final java.util.logging.Logger QUIET = quiet();
  static final BLAS BLAS_INSTANCE = BLAS.getInstance();
  static final LAPACK LAPACK_INSTANCE = LAPACK.getInstance();

  private NetlibRuntime() {}

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger("dev.ludovic.netlib");
    l.setLevel(java.util.logging.Level.SEVERE);
    return l;
  }

  /** E.g. {@code "BLAS VectorBLAS (Java Vector API), LAPACK F2jLAPACK (F2J; no native library loaded)"}. */
  static String implementation() {
    String blas = BLAS_INSTANCE.getClass().getSimpleName();
    String lapack = LAPACK_INSTANCE.getClass().getSimpleName();
    String blasKind = blas.startsWith("JNI") ? "native" : blas.startsWith("Vector") ? "Java Vector API"
        : "plain Java, F2J fallback; run with --add-modules jdk.incubator.vector for the Vector API";
    return "BLAS " + blas + " (" + blasKind + "), LAPACK " + lapack
        + (lapack.startsWith("JNI") ? " (native)" : " (F2J; no native library loaded)");
  }

  /** The library version from the jar manifest, or the version this build pins. */
  static String version() {
    String v = BLAS.class.getPackage().getImplementationVersion();
    return v != null ? v : "3.0.4";
  }

  /** Throws for an illegal argument (a bug in this backend's call); returns {@code info} otherwise. */
  static int requireLegal(String routine, intW info) {
    if (info.val < 0) {
      throw new IllegalStateException(routine + ": argument " + (-info.val)
          + " had an illegal value (info " + info.val + "); this is a bug in the netlib backend's call");
    }
    return info.val;
  }

  /** {@code dgelsd}/{@code dgesdd}: info > 0 means the bidiagonal SVD did not converge. */
  static void requireSvdConverged(String routine, intW info) {
    if (requireLegal(routine, info) > 0) {
      throw new ArithmeticException(routine + ": the SVD did not converge (" + info.val
          + " off-diagonal elements of the intermediate bidiagonal form did not converge to zero)");
    }
  }
}
