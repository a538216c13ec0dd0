package dev.prunebench.linalg.openblas;

import static org.bytedeco.openblas.global.openblas_full.openblas_get_config;
import static org.bytedeco.openblas.global.openblas_full.openblas_get_corename;
import static org.bytedeco.openblas.global.openblas_full.openblas_get_num_procs;
import static org.bytedeco.openblas.global.openblas_full.openblas_get_num_threads;
import static org.bytedeco.openblas.global.openblas_full.openblas_set_num_threads;

import dev.prunebench.linalg.Parallelism;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_full;

/**
 * The loaded OpenBLAS library: loading, thread count and self-description.
 *
 * <p>We bind through JavaCPP's {@code openblas_full} class: it is the one preset class that maps
 * CBLAS, LAPACKE <em>and</em> OpenBLAS's own {@code openblas_set_num_threads},
 * {@code openblas_get_num_threads}, {@code openblas_get_config} and {@code openblas_get_corename}
 * (the {@code openblas} and {@code openblas_nolapack} classes skip those four).
 *
 * <p>Threads. OpenBLAS's thread count is <b>process-wide</b>: one global in the native library, read
 * by every BLAS/LAPACK call from every Java thread. So a {@link Parallelism#SINGLE} and an
 * {@link Parallelism#ALL_CORES} backend instance can only coexist because each kernel first sets the
 * count its instance wants ({@link #useThreads(int)}, a no-op when it already holds). Consequences:
 * a kernel running concurrently on another Java thread from an instance with the other setting may
 * run with that setting instead (results are identical, only speed differs), and any other code in
 * the process that uses this OpenBLAS sees the count left by the last kernel. "All cores" means the
 * count OpenBLAS chose at load time, which honours {@code OPENBLAS_NUM_THREADS} (default: every
 * core). {@code OPENBLAS_CORETYPE} (forcing the kernel family on CPUs an older build misdetects) is
 * only reported, never changed.
 */
final class OpenBlasRuntime {
  private OpenBlasRuntime() {}

  /** Loaded on first use; class initialisation fails with a {@link LinkageError} off supported platforms. */
  private static final class Holder {
    static final int LOAD_TIME_THREADS;
    static final String CONFIG;
    static final String CORE;

    static {
      Loader.load(openblas_full.class);
      LOAD_TIME_THREADS = Math.max(1, openblas_get_num_threads());
      CONFIG = openblas_get_config().getString().trim();
      CORE = openblas_get_corename().getString().trim();
    }
  }

  /**
   * Loads the native library now.
   *
   * @throws IllegalStateException naming the platform and the loader's error if it cannot load
   */
  static void load() {
    try {
      if (Holder.CONFIG.isEmpty()) {
        throw new IllegalStateException("OpenBLAS loaded but openblas_get_config() is empty");
      }
    } catch (LinkageError e) {
      throw new IllegalStateException("OpenBLAS native library did not load on platform "
          + Loader.getPlatform() + " (is the org.bytedeco:openblas jar with this platform's classifier on the "
          + "class path?): " + e, e);
    }
  }

  /** The thread count an instance with this parallelism uses. */
  static int threadsFor(Parallelism parallelism) {
    return switch (parallelism) {
      case SINGLE -> 1;
      case ALL_CORES -> Holder.LOAD_TIME_THREADS;
    };
  }

  /** Sets the process-wide OpenBLAS thread count to {@code threads} unless it already is. */
  static void useThreads(int threads) {
    if (openblas_get_num_threads() != threads) {
      openblas_set_num_threads(threads);
    }
  }

  /** The count OpenBLAS reports after {@link #useThreads(int)}: what the kernels actually run with. */
  static int threadsInEffect(int threads) {
    useThreads(threads);
    return openblas_get_num_threads();
  }

  /** {@code "0.3.31"} from {@code openblas_get_config()} = "OpenBLAS 0.3.31 DYNAMIC_ARCH ...". */
  static String version() {
    String[] words = Holder.CONFIG.split("\\s+");
    return words.length > 1 && words[0].equals("OpenBLAS") ? words[1] : Holder.CONFIG;
  }

  /** Core type, build configuration, processors and the relevant environment variables. */
  static String details() {
    String coretype = System.getenv("OPENBLAS_CORETYPE");
    String numThreads = System.getenv("OPENBLAS_NUM_THREADS");
    return "core " + Holder.CORE
        + "; config '" + Holder.CONFIG + "'"
        + "; processors " + openblas_get_num_procs()
        + "; OPENBLAS_CORETYPE=" + (coretype == null ? "unset" : coretype)
        + "; OPENBLAS_NUM_THREADS=" + (numThreads == null ? "unset" : numThreads)
        + "; thread count is process-wide";
  }

  static String coreName() {
    return Holder.CORE;
  }
}
