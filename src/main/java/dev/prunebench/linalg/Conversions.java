package dev.prunebench.linalg;

/**
 * Conversion between the boundary type {@link Matrix} and a backend's library-native matrix type
 * {@code M}. Kernels take and return {@code M}, so a training loop or a benchmark can run many
 * kernels without converting in between; conversion is a separate, separately benchmarked step.
 *
 * @param <M> the library-native matrix type (heap or off-heap)
 */
public interface Conversions<M> {

  /**
   * Copies a boundary matrix into a new library-native matrix: {@link #fromBoundary(String, Matrix)}
   * with the argument named {@code "matrix"}.
   *
   * @param m not modified; every entry finite
   * @throws IllegalArgumentException naming the first non-finite entry
   */
  default M fromBoundary(Matrix m) {
    return fromBoundary("matrix", m);
  }

  /**
   * Copies a boundary matrix into a new library-native matrix. This is where data enters a pipeline,
   * so this is where the project's one validation rule applies: a NaN or ±∞ entry is rejected with an
   * {@link IllegalArgumentException} naming {@code name} and the first bad entry (row-major order),
   * the same on every backend. Kernels on native matrices then never rescan their inputs.
   *
   * @param name the argument's name, for the message
   * @param m not modified
   */
  default M fromBoundary(String name, Matrix m) {
    Checks.requireFinite(name, m);
    return fromFiniteBoundary(m);
  }

  /**
   * The library's copy of a boundary matrix already known to be finite (checked by
   * {@link #fromBoundary(String, Matrix)}, or computed inside the backend from native matrices);
   * implementations only convert.
   *
   * @param m not modified
   */
  M fromFiniteBoundary(Matrix m);

  /**
   * Copies a library-native matrix into a new boundary matrix.
   *
   * @param m not modified
   */
  Matrix toBoundary(M m);

  int rows(M m);

  int cols(M m);

  /**
   * Tells the backend that {@code m} will not be used again. Heap backends do nothing; a native
   * backend frees the off-heap memory now instead of waiting for a garbage-collector cleaner. Using
   * {@code m} afterwards is an error.
   */
  default void release(M m) {}
}
