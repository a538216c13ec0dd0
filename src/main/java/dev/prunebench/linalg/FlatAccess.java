package dev.prunebench.linalg;

/**
 * How the default in-place kernels reach a matrix's entries: its {@link InPlace#storage} array, or,
 * for a library that hides its storage, a row-major copy that {@link #writeBack} copies back.
 */
final class FlatAccess {
  private FlatAccess() {}

  static <M> double[] read(InPlace<M> b, M m) {
    double[] s = b.storage(m);
    return s != null ? s : b.toBoundary(m).data();
  }

  static <M> StorageOrder order(InPlace<M> b, M m) {
    return b.storage(m) != null ? b.storageOrder() : StorageOrder.ROW_MAJOR;
  }

  /** Copies {@code values} (from {@link #read}) into m unless they are m's own storage. */
  static <M> void writeBack(InPlace<M> b, M m, double[] values) {
    if (b.storage(m) == null) {
      b.assign(m, values);
    }
  }
}
