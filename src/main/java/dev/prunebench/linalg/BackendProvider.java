package dev.prunebench.linalg;

/**
 * A linear-algebra library plugged into the suite, discovered with {@link java.util.ServiceLoader}
 * (JDBC-driver style): a jar that lists its implementation in
 * {@code META-INF/services/dev.prunebench.linalg.BackendProvider} is enough, on the classpath or
 * through {@code ./prunebench --with my.jar}. The host only asks for a name, what library it is, whether
 * it can run here, and a factory; it never names a concrete backend class. The built-in backends are
 * providers too (one per {@code linalg/<library>/} folder), so {@link Backend} treats every library alike.
 *
 * <p>An implementation must have a public no-argument constructor that does not touch its library:
 * discovery must never fail because a native library is missing. Loading is deferred to
 * {@link #create(Parallelism)} and {@link #availability()}.
 */
public interface BackendProvider {
  /**
   * The lower-case name users type ({@code --backend NAME}); letters, digits and {@code -} only. Its
   * upper-case form with {@code -} replaced by {@code _} is the JMH {@code backend} parameter value.
   */
  String name();

  /** The library's human name, e.g. {@code "Hipparchus"}. */
  String library();

  /** One line for {@code prunebench backends}: what the backend is built on. */
  String description();

  /**
   * A new backend instance.
   *
   * @throws RuntimeException or {@link LinkageError} if the library cannot run here
   */
  LinearAlgebraBackend<?> create(Parallelism parallelism);

  /**
   * Whether this backend can run here, and if not why. The default builds a single-threaded instance
   * once: a native library that fails to load makes this backend unavailable, with the loader's message
   * as the reason, and leaves every other backend working. {@link Backend} memoises the answer.
   */
  default Availability availability() {
    try {
      create(Parallelism.SINGLE);
      return Availability.yes();
    } catch (LinkageError | RuntimeException e) {
      return Availability.no(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * Bytes this backend's library-native matrices may occupy outside the Java heap; {@code 0} (the
   * default) when its matrices live on the heap.
   */
  default long nativeMemoryLimitBytes() {
    return 0;
  }

  /** Whether this backend keeps its matrices outside the Java heap (then memory budgets count them apart). */
  default boolean nativeMatrices() {
    return false;
  }
}
