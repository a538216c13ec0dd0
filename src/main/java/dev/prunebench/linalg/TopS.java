package dev.prunebench.linalg;

import java.nio.DoubleBuffer;

/**
 * Selection of the s most important entries, shared by every backend (paper Definition 2.3: pruning
 * keeps the complement of {@code argmin_{|Δ| = p − s} I_Δ}; for additive importances such as MI and
 * HI that is the s entries with the largest importance).
 *
 * <p>Order: entry i ranks above entry j when {@code importance[i] > importance[j]}, or when they are
 * equal and {@code i < j} (the lower index wins a tie), so the kept set is unique and deterministic.
 *
 * <p>Cost: O(p), one streaming pass: a strided sample brackets the threshold t (the s-th largest
 * value) by [lo, hi]; one pass writes every output entry — the weight above hi, zero otherwise — and
 * collects the indices of the few entries inside the bracket (NaN is detected in the same pass); a
 * quickselect on those finds t exactly and the candidates strictly above t or, among those equal to
 * t, at the lowest indices get their weight ({@link TopSelect#fusedKeep}). No boxing, no sort of the data, no index array (numpy's argpartition
 * builds one of p int64); memory is the output plus a small candidate buffer (a full copy only on the
 * fallback path).
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
   * {@code out} the selection allocates only its 4096-value sample, two 8 KiB scratch chunks and the
   * candidates inside the sample's bracket (indices and values, a few per cent of p), or, if the bracket misses, one copy of the importances.
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
    markInto(importance, weights, 0, importance.length, s, out);
  }

  /** The s-th largest value of {@code importance} (1-based s), i.e. the keep threshold. */
  public static double threshold(double[] importance, int s) {
    requireS(s, importance.length, "s");
    if (s == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return TopSelect.select(importance, 0, importance.length, s).value();
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
   * Writes every entry of {@code out[from, from + len)}: for the s most important entries of
   * {@code importance} there, 1 (when {@code weights} is null) or the weight; 0 elsewhere.
   */
  private static void markInto(double[] importance, double[] weights, int from, int len, int s, double[] out) {
    KeepRule rule;
    if (sampled(len, s)) {
      if (TopSelect.fusedKeep(importance, weights, out, from, len, s)) {
        return;
      }
      rule = rule(TopSelect.exact(importance, null, from, len, s), s);
    } else {
      rule = keepRule(importance, from, len, s);
    }
    apply(rule, importance, from, weights, from, out, from, len);
  }

  /** Whether the fused sampled pass applies (s = 0 and s = p need no selection at all). */
  private static boolean sampled(int len, int s) {
    requireS(s, len, "s");
    return s > 0 && s < len && len >= TopSelect.SAMPLE_MIN_LENGTH;
  }

  private static KeepRule rule(TopSelect.Selection sel, int s) {
    return new KeepRule(sel.value(), s - sel.above());
  }

  /**
   * One pass of a {@link KeepRule} over a range: {@code out[oo + k] = kept ? (weights == null ? 1 :
   * weights[wo + k]) : 0} for k in [0, len), where {@code importance[io + k]} is tested. The
   * comparison with the threshold is branch-free (about s/p of the entries are kept, unpredictably
   * placed); only entries equal to the threshold take the tie branch.
   *
   * @return the ties still to be kept after this range
   */
  private static int apply(KeepRule rule, double[] importance, int io, double[] weights, int wo,
      double[] out, int oo, int len, int tiesLeft) {
    double t = rule.threshold();
    int ties = tiesLeft;
    for (int k = 0; k < len; k++) {
      double v = importance[io + k];
      double w = weights == null ? 1.0 : weights[wo + k];
      out[oo + k] = v > t ? w : 0.0;
      if (v == t) {
        out[oo + k] = ties > 0 ? w : 0.0;
        ties--;
      }
    }
    return Math.max(ties, 0);
  }

  private static void apply(KeepRule rule, double[] importance, int io, double[] weights, int wo,
      double[] out, int oo, int len) {
    apply(rule, importance, io, weights, wo, out, oo, len, rule.ties());
  }

  /**
   * {@code Π_s(weights)} on off-heap (or any) buffers, every entry of {@code out[0, len)} written:
   * the fused selection-and-keep pass reads {@code importance} and {@code weights} through small
   * scratch chunks, so besides {@code out} the call allocates O(chunk) scratch and the O(s)-sized
   * selection buffers — never a copy of the input (except the rare fallback of {@link TopSelect}).
   *
   * @param weights, importance not modified; at least {@code len} entries each
   * @param out must not share memory with the inputs
   */
  public static void hardThresholdInto(DoubleBuffer weights, DoubleBuffer importance, int len, int s,
      DoubleBuffer out) {
    KeepRule rule;
    if (sampled(len, s)) {
      if (TopSelect.fusedKeep(importance, weights, out, len, s)) {
        return;
      }
      rule = rule(TopSelect.exact(null, importance, 0, len, s), s);
    } else if (s == 0 || s == len) {
      requireNoNaN(importance, len);
      rule = s == 0 ? new KeepRule(Double.POSITIVE_INFINITY, 0) : new KeepRule(Double.NEGATIVE_INFINITY, len);
    } else {
      rule = rule(TopSelect.select(importance, len, s), s);
    }
    int chunk = Math.min(TopSelect.CHUNK, Math.max(len, 1));
    double[] ic = new double[chunk];
    double[] wc = new double[chunk];
    int ties = rule.ties();
    for (int k = 0; k < len; k += chunk) {
      int n = Math.min(chunk, len - k);
      importance.get(k, ic, 0, n);
      weights.get(k, wc, 0, n);
      ties = apply(rule, ic, 0, wc, 0, wc, 0, n, ties); // in place on the weight chunk
      out.put(k, wc, 0, n);
    }
  }

  private static void requireNoNaN(DoubleBuffer a, int len) {
    for (int k = 0; k < len; k++) {
      if (Double.isNaN(a.get(k))) {
        throw TopSelect.nan(k);
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
    return rule(TopSelect.select(importance, from, len, s), s);
  }

  private static void requireNoNaN(double[] a, int from, int len) {
    for (int k = from; k < from + len; k++) {
      if (Double.isNaN(a[k])) {
        throw TopSelect.nan(k);
      }
    }
  }
}
