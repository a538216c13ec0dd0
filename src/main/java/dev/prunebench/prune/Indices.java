package dev.prunebench.prune;

/** Validation of index sets Δ ⊆ [p] (0-based here). */
final class Indices {
  private Indices() {}

  /** Returns {@code delta} after checking its entries are distinct and in {@code [0, p)}. */
  static int[] checked(int[] delta, int p) {
    if (delta == null) {
      throw new IllegalArgumentException("delta must not be null");
    }
    boolean[] seen = new boolean[p];
    for (int i : delta) {
      if (i < 0 || i >= p) {
        throw new IllegalArgumentException("delta: index " + i + " is outside [0, " + p + ")");
      }
      if (seen[i]) {
        throw new IllegalArgumentException("delta: index " + i + " appears twice");
      }
      seen[i] = true;
    }
    return delta;
  }

  /** The first {@code count} indices, {0, …, count − 1}. */
  static int[] prefix(int count) {
    int[] d = new int[count];
    for (int i = 0; i < count; i++) {
      d[i] = i;
    }
    return d;
  }
}
