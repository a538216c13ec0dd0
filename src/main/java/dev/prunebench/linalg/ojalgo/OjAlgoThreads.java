package dev.prunebench.linalg.ojalgo;

import dev.prunebench.linalg.Parallelism;
import java.util.function.Supplier;
import org.ojalgo.OjAlgoUtils;
import org.ojalgo.machine.VirtualMachine;

/**
 * How an ojAlgo kernel gets the thread count its {@link Parallelism} asks for.
 *
 * <p>ojAlgo 57.1.0 has exactly one knob for its internal parallelism, and it is process-wide: the
 * static field {@link OjAlgoUtils#ENVIRONMENT}. Every multi-threaded path reads
 * {@code ENVIRONMENT.threads} at call time — {@code DivideAndConquer.invoke} (Cholesky and LU
 * updates, triangular substitution, Householder application, {@code copy}/{@code transpose}) and,
 * through {@code org.ojalgo.concurrent.Parallelism.THREADS}, the {@code PARALLELISM} suppliers of
 * {@code MultiplyNeither/Left/Right/Both} (GEMM). There is no per-call or per-thread setting; the
 * supported way to go single-threaded is an environment limited to one thread, which is what
 * {@link OjAlgoUtils#limitThreadsTo(int)} builds ({@code ENVIRONMENT.limitBy(1 / threads)}).
 *
 * <p>So each backend kernel that can reach one of those paths runs inside {@link #call}: a two-mode
 * gate that installs the one-thread or the full environment and holds it while kernels of the same
 * mode run (any number of them, concurrently). A kernel of the other mode waits until the running
 * ones finish; when the last one leaves, the full environment is restored, so ojAlgo is left as it
 * was found. Consequences, stated precisely:
 * <ul>
 *   <li>{@code SINGLE} kernels really run on the calling thread only, and {@code ALL_CORES} kernels
 *       use {@code ENVIRONMENT.threads} threads (the hardware threads ojAlgo detected at start-up),
 *       even when both kinds of backend exist in one JVM.
 *   <li>Kernels of different modes called concurrently from different threads are serialised
 *       (correct, but not parallel); kernels of one mode are not. There is no fairness: a steady
 *       stream of one mode can delay the other.
 *   <li>Nothing outside {@code linalg/ojalgo} may change {@code ENVIRONMENT} while a kernel runs
 *       (only this package imports ojAlgo, so within the project nothing does).
 * </ul>
 * Kernels that never reach ojAlgo's threaded code (the elementwise loops and conversions, written
 * directly on the {@code double[]} of {@code R064Store}) are single-threaded by construction and do
 * not pass through the gate.
 */
final class OjAlgoThreads {

  /** The environment ojAlgo detected at class initialisation: every hardware thread. */
  private static final VirtualMachine FULL = OjAlgoUtils.ENVIRONMENT;

  /** The same machine limited to one thread, as {@code OjAlgoUtils.limitThreadsTo(1)} builds it. */
  private static final VirtualMachine ONE =
      FULL.threads > 1 ? FULL.limitBy(1.0 / FULL.threads) : FULL;

  private static final Object LOCK = new Object();

  /** Mode of the kernels currently running; meaningful only while {@link #active} > 0. */
  private static Parallelism mode;

  private static int active;

  private OjAlgoThreads() {}

  /** Threads an ojAlgo kernel of this mode uses: 1, or {@code ENVIRONMENT.threads} at start-up. */
  static int threads(Parallelism parallelism) {
    return environment(parallelism).threads;
  }

  /** Runs {@code kernel} with ojAlgo's environment set for {@code parallelism}. */
  static <T> T call(Parallelism parallelism, Supplier<T> kernel) {
    enter(parallelism);
    try {
      return kernel.get();
    } finally {
      exit();
    }
  }

  private static VirtualMachine environment(Parallelism parallelism) {
    return parallelism == Parallelism.SINGLE ? ONE : FULL;
  }

  private static void enter(Parallelism parallelism) {
    boolean interrupted = false;
    synchronized (LOCK) {
      while (active > 0 && mode != parallelism) {
        try {
          LOCK.wait();
        } catch (InterruptedException e) {
          // A kernel cannot be abandoned half-way; remember the interrupt and re-assert it below.
          interrupted = true;
        }
      }
      if (active == 0) {
        mode = parallelism;
        OjAlgoUtils.ENVIRONMENT = environment(parallelism);
      }
      active++;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void exit() {
    synchronized (LOCK) {
      active--;
      if (active == 0) {
        OjAlgoUtils.ENVIRONMENT = FULL;
        LOCK.notifyAll();
      }
    }
  }
}
