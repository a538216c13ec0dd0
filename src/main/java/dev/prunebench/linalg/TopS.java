package dev.prunebench.linalg;

/**
 * Selection of the s most important entries, shared by every backend (paper Definition 2.3: pruning
 * keeps the complement of {@code argmin_{|Δ| = p − s} I_Δ}; for additive importances such as MI and
 * HI that is the s entries with the largest importance).
 *
 * <p>Order: entry i ranks above entry j when {@code importance[i] > importance[j]}, or when they are
 * equal and {@code i < j} (the lower index wins a tie), so the kept set is unique and deterministic.
 *
 * <p>Cost: O(p) expected. A quickselect with median-of-three pivots and three-way partitioning
 * finds the s-th largest value t; one linear pass then keeps everything strictly above t and, among
 * entries equal to t, the lowest indices. No boxing, no sort; extra memory is one {@code double[p]}
 * scratch copy.
 */
public final class TopS {
  private TopS() {}

  /**
   * The keep-mask of the s largest importances.
   *
   * @param importance scores, not modified; must not contain NaN
   * @param s how many to keep, {@code 0 ≤ s ≤ importance.length}
   * @return a new array of 0/1 with exactly s ones
   */
  public static double[] keepMask(double[] importance, int s) {
    double[] mask = new double[importance.length];
    keepMaskInto(importance, 0, importance.length, s, mask, new double[importance.length]);
    return mask;
  }

  /** The s-th largest value of {@code importance} (1-based s), i.e. the keep threshold. */
  public static double threshold(double[] importance, int s) {
    requireS(s, importance.length, "s");
    if (s == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double[] scratch = importance.clone();
    return kthLargest(scratch, 0, scratch.length, s);
  }

  /**
   * Per-group keep-mask: group g (consecutive entries, sizes in {@code groupSizes}) keeps
   * {@code round(keepFraction · size_g)} entries (half rounds up), so every group keeps the same
   * fraction (layer-wise pruning, paper Appendix D).
   *
   * @param importance not modified
   * @param groupSizes positive sizes adding up to {@code importance.length}
   * @param keepFraction in [0, 1]
   */
  public static double[] keepMaskPerGroup(double[] importance, int[] groupSizes, double keepFraction) {
    requireGroups(groupSizes, importance.length);
    if (!(keepFraction >= 0 && keepFraction <= 1)) {
      throw new IllegalArgumentException("keepFraction must be in [0, 1], got " + keepFraction);
    }
    double[] mask = new double[importance.length];
    double[] scratch = new double[importance.length];
    int offset = 0;
    for (int size : groupSizes) {
      int s = keepCount(size, keepFraction);
      keepMaskInto(importance, offset, size, s, mask, scratch);
      offset += size;
    }
    return mask;
  }

  /** {@code round(keepFraction · size)}, half up, as used by the per-group variant. */
  public static int keepCount(int size, double keepFraction) {
    return (int) Math.min(size, Math.floor(keepFraction * size + 0.5));
  }

  /** Validates group sizes against the total length; names the offending value. */
  public static void requireGroups(int[] groupSizes, int total) {
    if (groupSizes == null || groupSizes.length == 0) {
      throw new IllegalArgumentException("groupSizes must list at least one group, got "
          + (groupSizes == null ? "null" : "[]"));
    }
    long sum = 0;
    for (int g = 0; g < groupSizes.length; g++) {
      if (groupSizes[g] < 1) {
        throw new IllegalArgumentException("groupSizes[" + g + "] must be at least 1, got " + groupSizes[g]);
      }
      sum += groupSizes[g];
    }
    if (sum != total) {
      throw new IllegalArgumentException("groupSizes add up to " + sum + " but importance has " + total
          + " entries");
    }
  }

  static void requireS(int s, int p, String name) {
    if (s < 0 || s > p) {
      throw new IllegalArgumentException(name + " must be in [0, " + p + "], got " + s);
    }
  }

  private static void keepMaskInto(double[] importance, int from, int len, int s, double[] mask,
      double[] scratch) {
    requireS(s, len, "s");
    for (int k = from; k < from + len; k++) {
      if (Double.isNaN(importance[k])) {
        throw new IllegalArgumentException("importance: entry " + k + " is NaN");
      }
    }
    if (s == 0) {
      return;
    }
    if (s == len) {
      java.util.Arrays.fill(mask, from, from + len, 1.0);
      return;
    }
    System.arraycopy(importance, from, scratch, from, len);
    double t = kthLargest(scratch, from, from + len, s);
    int above = 0;
    for (int k = from; k < from + len; k++) {
      if (importance[k] > t) {
        above++;
      }
    }
    int ties = s - above;
    for (int k = from; k < from + len; k++) {
      double v = importance[k];
      if (v > t) {
        mask[k] = 1.0;
      } else if (v == t && ties > 0) {
        mask[k] = 1.0;
        ties--;
      }
    }
  }

  /**
   * The s-th largest value in {@code a[from, to)}, 1 ≤ s ≤ to − from; permutes that range.
   * Hoare-partition quickselect with median-of-three pivots; three-way partitioning keeps runs of
   * equal values (common: many zero importances) linear.
   */
  static double kthLargest(double[] a, int from, int to, int s) {
    int k = to - s; // index of the s-th largest in ascending order
    int lo = from;
    int hi = to - 1;
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      double pivot = median3(a[lo], a[mid], a[hi]);
      // Dutch national flag: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        double v = a[i];
        if (v < pivot) {
          a[i] = a[lt];
          a[lt] = v;
          lt++;
          i++;
        } else if (v > pivot) {
          a[i] = a[gt];
          a[gt] = v;
          gt--;
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return pivot;
      }
    }
    return a[k];
  }

  private static double median3(double x, double y, double z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }
}
