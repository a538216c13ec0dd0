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
   * Copies a boundary matrix into a new library-native matrix.
   *
   * @param m not modified
   */
  M fromBoundary(Matrix m);

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
