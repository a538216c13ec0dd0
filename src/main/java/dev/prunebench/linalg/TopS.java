package dev.prunebench.linalg;

/**
 * Selection of the s most important entries, shared by every backend (paper Definition 2.3: pruning
 * keeps the complement of {@code argmin_{|Δ| = p − s} I_Δ}; for additive importances such as MI and
 * HI that is the s entries with the largest importance).
 *
 * <p>Order: entry i ranks above entry j when {@code importance[i] > importance[j]}, or when they are
 * equal and {@code i < j} (the lower index wins a tie), so the kept set is unique and deterministic.
 *
 * <p>Cost: O(p), and in practice about three streaming passes: a strided sample brackets the
 * threshold t (the s-th largest value), one pass counts the entries above the bracket and collects
 * the few inside it, a quickselect on those finds t exactly, and a final pass keeps everything
 * strictly above t and, among entries equal to t, the lowest indices. No boxing, no sort of the
 * data; memory is the output plus a small candidate buffer (a full copy only on the fallback path).
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
    markInto(importance, null, 0, importance.length, s, mask);
    return mask;
  }

  /**
   * {@code Π_s(weights)}: the weights at the s largest importances, zero elsewhere, in one pass after
   * the selection (no intermediate mask).
   *
   * @param weights not modified; same length as {@code importance}
   * @param importance not modified; no NaN
   */
  public static double[] hardThreshold(double[] weights, double[] importance, int s) {
    if (weights.length != importance.length) {
      throw new IllegalArgumentException("dimension mismatch: weights has " + weights.length
          + " entries but importance has " + importance.length);
    }
    double[] out = new double[importance.length];
    markInto(importance, weights, 0, importance.length, s, out);
    return out;
  }

  /**
   * {@link #hardThreshold(double[], double[], int)} into a caller-owned {@code out}, every entry of
   * which is overwritten (numpy's {@code argpartition} into a preallocated output): besides
   * {@code out} the selection allocates only its 4096-value sample and the candidates inside the
   * sample's bracket (a few per cent of p), or, if the bracket misses, one copy of the importances.
   *
   * @param out same length as {@code weights}; must not be {@code weights} or {@code importance}
   */
  public static void hardThresholdInto(double[] weights, double[] importance, int s, double[] out) {
    if (weights.length != importance.length || out.length != importance.length) {
      throw new IllegalArgumentException("dimension mismatch: weights has " + weights.length
          + " entries, importance " + importance.length + ", out " + out.length);
    }
    if (out == weights || out == importance) {
      throw new IllegalArgumentException("out must not alias weights or importance");
    }
    java.util.Arrays.fill(out, 0.0);
    markInto(importance, weights, 0, importance.length, s, out);
  }

  /** The s-th largest value of {@code importance} (1-based s), i.e. the keep threshold. */
  public static double threshold(double[] importance, int s) {
    requireS(s, importance.length, "s");
    if (s == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return select(importance, 0, importance.length, s).value;
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
    int offset = 0;
    for (int size : groupSizes) {
      markInto(importance, null, offset, size, keepCount(size, keepFraction), mask);
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

  /**
   * Writes, for the s most important entries of {@code importance[from, from + len)}, either 1 (when
   * {@code weights} is null) or the weight into {@code out}; other entries of {@code out} are left
   * at zero.
   */
  private static void markInto(double[] importance, double[] weights, int from, int len, int s, double[] out) {
    KeepRule rule = keepRule(importance, from, len, s);
    if (s == 0) {
      return;
    }
    double t = rule.threshold();
    int ties = rule.ties();
    for (int k = from; k < from + len; k++) {
      double v = importance[k];
      if (v > t || (v == t && ties-- > 0)) {
        out[k] = weights == null ? 1.0 : weights[k];
      }
    }
  }

  /**
   * The selection of {@code Π_s} as a rule a caller can apply in one pass over any storage: entry k is
   * kept iff {@code importance[k] > threshold}, or {@code importance[k] == threshold} and it is among
   * the first {@code ties} such entries in index order. With s = 0 nothing is kept (threshold +∞).
   */
  public record KeepRule(double threshold, int ties) {}

  /** The {@link KeepRule} of the s largest entries of {@code importance}; rejects NaN. */
  public static KeepRule keepRule(double[] importance, int s) {
    return keepRule(importance, 0, importance.length, s);
  }

  private static KeepRule keepRule(double[] importance, int from, int len, int s) {
    requireS(s, len, "s");
    if (s == 0 || s == len) {
      requireNoNaN(importance, from, len);
      return s == 0 ? new KeepRule(Double.POSITIVE_INFINITY, 0) : new KeepRule(Double.NEGATIVE_INFINITY, len);
    }
    Selection sel = select(importance, from, len, s);
    return new KeepRule(sel.value, s - sel.above);
  }

  private static void requireNoNaN(double[] a, int from, int len) {
    for (int k = from; k < from + len; k++) {
      if (Double.isNaN(a[k])) {
        throw new IllegalArgumentException("importance: entry " + k + " is NaN");
      }
    }
  }

  /** The s-th largest value and how many entries are strictly larger. */
  private record Selection(double value, int above) {}

  /** Below this length a plain quickselect on a copy is cheaper than sampling. */
  private static final int SAMPLE_MIN_LENGTH = 1 << 14;
  private static final int SAMPLE_SIZE = 1 << 12;

  /**
   * The s-th largest of {@code a[from, from + len)}, 1 ≤ s ≤ len, without modifying {@code a}.
   *
   * <p>For long ranges, Floyd–Rivest style: a deterministic strided sample of 4096 values is sorted,
   * and two sample values bracket the target rank with a margin of ≈ 4 standard deviations of the
   * sample rank; one pass counts the entries above the bracket and copies those inside it (typically
   * a few per cent of the range) into a small buffer, where a quickselect finishes. If the bracket
   * misses (adversarial input order), a quickselect on a full copy answers instead, so the result is
   * always exact; only the cost depends on the input. Every pass also rejects NaN.
   */
  private static Selection select(double[] a, int from, int len, int s) {
    if (len >= SAMPLE_MIN_LENGTH) {
      Selection sel = selectBySample(a, from, len, s);
      if (sel != null) {
        return sel;
      }
    }
    double[] scratch = new double[len];
    for (int k = 0; k < len; k++) {
      double v = a[from + k];
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("importance: entry " + (from + k) + " is NaN");
      }
      scratch[k] = v;
    }
    double t = kthLargest(scratch, 0, len, s);
    int above = 0;
    for (int k = from; k < from + len; k++) {
      if (a[k] > t) {
        above++;
      }
    }
    return new Selection(t, above);
  }

  private static Selection selectBySample(double[] a, int from, int len, int s) {
    int m = SAMPLE_SIZE;
    double[] sample = new double[m];
    for (int i = 0; i < m; i++) {
      sample[i] = a[from + (int) ((long) i * len / m)];
    }
    java.util.Arrays.sort(sample); // NaN sorts last; the candidate pass below reports it
    // target: the s-th largest, i.e. ascending rank len - s; in the sample, ascending rank r
    double r = (double) (len - s) * m / len;
    double margin = 4 * Math.sqrt(m * ((double) s / len) * (1 - (double) s / len)) + 8;
    int loIdx = (int) Math.floor(r - margin);
    int hiIdx = (int) Math.ceil(r + margin);
    double lo = loIdx < 0 ? Double.NEGATIVE_INFINITY : sample[loIdx];
    double hi = hiIdx >= m ? Double.POSITIVE_INFINITY : sample[hiIdx];
    int capacity = (int) Math.min(len, (long) Math.ceil((hiIdx - loIdx + 1) * 4.0 * len / m) + 64);
    double[] cand = new double[capacity];
    int nc = 0;
    int above = 0;
    for (int k = from; k < from + len; k++) {
      double v = a[k];
      if (v > hi) {
        above++;
      } else if (v >= lo) {
        if (nc == capacity) {
          return null;
        }
        cand[nc++] = v;
      } else if (Double.isNaN(v)) {
        throw new IllegalArgumentException("importance: entry " + k + " is NaN");
      }
    }
    if (above >= s || above + nc < s) {
      return null;
    }
    double t = kthLargest(cand, 0, nc, s - above);
    int candAbove = 0;
    for (int k = 0; k < nc; k++) {
      if (cand[k] > t) {
        candAbove++;
      }
    }
    return new Selection(t, above + candAbove);
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
