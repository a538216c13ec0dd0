package dev.prunebench.linalg;

import java.nio.DoubleBuffer;

/**
 * The selection behind {@link TopS}: the s-th largest value of p doubles and how many entries lie
 * strictly above it, read either in place from a heap array or, for off-heap data, through a small
 * reused scratch chunk (bulk {@link DoubleBuffer#get(int, double[], int, int)}, so the inner loops are
 * plain array loops and the off-heap input is never copied whole).
 *
 * <p>Floyd–Rivest style: a deterministic strided sample of 4096 values is sorted, and two sample
 * values bracket the target rank with a margin of ≈ 4 standard deviations of the sample rank; one
 * pass counts the entries above the bracket and collects those inside it (a few per cent of p),
 * where a quickselect finishes. {@code fusedKeep} writes {@code Π_s}'s output in that same pass. If the bracket misses (adversarial input order), a
 * quickselect on a full copy answers instead, so the result is always exact; only the cost depends on
 * the input. Every pass rejects NaN, naming the first bad entry it meets.
 */
final class TopSelect {
  private TopSelect() {}

  /** The s-th largest value and how many entries are strictly larger. */
  record Selection(double value, int above) {}

  /** Below this length a plain quickselect on a copy is cheaper than sampling. */
  static final int SAMPLE_MIN_LENGTH = 1 << 14;
  private static final int SAMPLE_SIZE = 1 << 12;
  /**
   * Entries per scratch chunk when reading a buffer: 8 KiB, so the keep pass's three chunks stay in
   * L1 and the copy costs no extra trip to memory.
   */
  static final int CHUNK = 1 << 10;

  /** The s-th largest of {@code a[from, from + len)}, 1 ≤ s ≤ len, without modifying {@code a}. */
  static Selection select(double[] a, int from, int len, int s) {
    return select(a, null, from, len, s);
  }

  /** The s-th largest of {@code buf[0, len)}, 1 ≤ s ≤ len, read through a scratch chunk. */
  static Selection select(DoubleBuffer buf, int len, int s) {
    return select(null, buf, 0, len, s);
  }

  /** Exactly one of {@code a} and {@code buf} is non-null. */
  private static Selection select(double[] a, DoubleBuffer buf, int from, int len, int s) {
    if (len >= SAMPLE_MIN_LENGTH) {
      Selection sel = selectBySample(a, buf, from, len, s);
      if (sel != null) {
        return sel;
      }
    }
    return exact(a, buf, from, len, s);
  }

  /** The selection by a quickselect on a full copy: the fallback when a sampled bracket misses. */
  static Selection exact(double[] a, DoubleBuffer buf, int from, int len, int s) {
    double[] copy = new double[len];
    if (a != null) {
      System.arraycopy(a, from, copy, 0, len);
    } else {
      buf.get(0, copy, 0, len);
    }
    for (int k = 0; k < len; k++) {
      if (Double.isNaN(copy[k])) {
        throw nan(from + k);
      }
    }
    double t = kthLargest(copy, 0, len, s);
    int above = 0;
    for (int k = 0; k < len; k++) {
      above += copy[k] > t ? 1 : 0; // the copy holds the same multiset, permuted
    }
    return new Selection(t, above);
  }

  /**
   * Two sample values {@code lo ≤ hi} that bracket the s-th largest of the input unless its order is
   * adversarial, and a candidate capacity of twice the expected count of entries in [lo, hi].
   */
  record Bracket(double lo, double hi, int capacity) {}

  static Bracket bracket(double[] a, DoubleBuffer buf, int from, int len, int s) {
    int m = SAMPLE_SIZE;
    double[] sample = new double[m];
    for (int i = 0; i < m; i++) {
      int k = from + (int) ((long) i * len / m);
      sample[i] = a != null ? a[k] : buf.get(k);
    }
    java.util.Arrays.sort(sample); // NaN sorts last; the candidate pass reports it
    // target: the s-th largest, i.e. ascending rank len - s; in the sample, ascending rank r
    double r = (double) (len - s) * m / len;
    double margin = 4 * Math.sqrt(m * ((double) s / len) * (1 - (double) s / len)) + 8;
    int loIdx = (int) Math.floor(r - margin);
    int hiIdx = (int) Math.ceil(r + margin);
    double lo = loIdx < 0 ? Double.NEGATIVE_INFINITY : sample[loIdx];
    double hi = hiIdx >= m ? Double.POSITIVE_INFINITY : sample[hiIdx];
    // expected candidates (hiIdx − loIdx)·len/m; twice that leaves the fallback to adversarial orders
    int capacity = (int) Math.min(len, (long) Math.ceil((hiIdx - loIdx + 1) * 2.0 * len / m) + 64);
    return new Bracket(lo, hi, capacity);
  }

  private static Selection selectBySample(double[] a, DoubleBuffer buf, int from, int len, int s) {
    Bracket b = bracket(a, buf, from, len, s);
    Collector c = new Collector(b.lo(), b.hi(), b.capacity());
    if (a != null) {
      c.scan(a, from, from, len);
    } else {
      double[] chunk = new double[Math.min(CHUNK, len)];
      for (int k = 0; k < len && !c.overflow; k += CHUNK) {
        int n = Math.min(CHUNK, len - k);
        buf.get(k, chunk, 0, n);
        c.scan(chunk, 0, k, n);
      }
    }
    if (c.overflow || c.above >= s || c.above + c.nc < s) {
      return null;
    }
    double t = kthLargest(c.cand, 0, c.nc, s - c.above);
    int candAbove = 0;
    for (int k = 0; k < c.nc; k++) {
      candAbove += c.cand[k] > t ? 1 : 0;
    }
    return new Selection(t, c.above + candAbove);
  }

  /** The candidate pass: counts entries above {@code hi}, keeps those in [lo, hi], rejects NaN. */
  private static final class Collector {
    final double lo;
    final double hi;
    final double[] cand;
    int nc;
    int above;
    boolean overflow;

    Collector(double lo, double hi, int capacity) {
      this.lo = lo;
      this.hi = hi;
      this.cand = new double[capacity];
    }

    /** Scans {@code a[off, off + n)}, whose first entry is entry {@code base} of the whole input. */
    void scan(double[] a, int off, int base, int n) {
      double l = lo;
      double h = hi;
      int ab = 0;
      int c = nc;
      double[] cd = cand;
      for (int k = 0; k < n; k++) {
        double v = a[off + k];
        ab += v > h ? 1 : 0; // branch-free: about s/p of the entries are above, unpredictably placed
        if (v >= l && v <= h) {
          if (c == cd.length) {
            overflow = true;
            break;
          }
          cd[c++] = v;
        } else if (v != v) {
          throw nan(base + k);
        }
      }
      above += ab;
      nc = c;
    }
  }

  /**
   * {@code Π_s} fused with the candidate pass (one pass over importance, weights and output instead
   * of two): entries above the sample's bracket are written as kept and counted, entries below it as
   * dropped, and the O(s) entries inside it are written as dropped with their index recorded; a
   * quickselect on the candidates' values then finds the threshold t, and only the candidates at or
   * above it (ties at t by lowest index, as in {@link TopS}) are rewritten. {@code weights == null}
   * writes 1 for kept entries (the mask).
   *
   * @return false if the bracket missed; then {@code out} is partly written and the caller must write
   *     all of it again by the exact selection
   */
  static boolean fusedKeep(double[] imp, double[] weights, double[] out, int from, int len, int s) {
    Bracket b = bracket(imp, null, from, len, s);
    Fused f = new Fused(b);
    int chunk = Math.min(CHUNK, len);
    double[] ic = new double[chunk];
    double[] wc = new double[chunk];
    for (int k = 0; k < len && !f.overflow; k += chunk) {
      int n = Math.min(chunk, len - k);
      System.arraycopy(imp, from + k, ic, 0, n);
      if (weights != null) {
        System.arraycopy(weights, from + k, wc, 0, n);
      }
      f.scan(ic, 0, weights == null ? null : wc, 0, wc, 0, from + k, n);
      System.arraycopy(wc, 0, out, from + k, n);
    }
    // the O(s) candidates are read back through heap buffers so that one finish serves both paths
    return f.finish(DoubleBuffer.wrap(imp), weights == null ? null : DoubleBuffer.wrap(weights),
        DoubleBuffer.wrap(out), s);
  }

  /** {@link #fusedKeep(double[], double[], double[], int, int, int)} on {@code [0, len)} of buffers. */
  static boolean fusedKeep(DoubleBuffer imp, DoubleBuffer weights, DoubleBuffer out, int len, int s) {
    Bracket b = bracket(null, imp, 0, len, s);
    Fused f = new Fused(b);
    int chunk = Math.min(CHUNK, len);
    double[] ic = new double[chunk];
    double[] wc = new double[chunk];
    for (int k = 0; k < len && !f.overflow; k += chunk) {
      int n = Math.min(chunk, len - k);
      imp.get(k, ic, 0, n);
      weights.get(k, wc, 0, n);
      f.scan(ic, 0, wc, 0, wc, 0, k, n); // in place on the weight chunk
      out.put(k, wc, 0, n);
    }
    return f.finish(imp, weights, out, s);
  }

  /** The fused pass's state: entries above the bracket, and the indices inside it. */
  private static final class Fused {
    final double lo;
    final double hi;
    final int[] idx;
    int nc;
    int above;
    boolean overflow;

    Fused(Bracket b) {
      lo = b.lo();
      hi = b.hi();
      idx = new int[b.capacity()];
    }

    /**
     * Writes {@code out[oo + k]} for k in [0, n): the weight (1 if {@code w} is null) above the
     * bracket, 0 otherwise; entry k is entry {@code base + k} of the whole input. A NaN fails every
     * comparison, so it costs only the test in the rare branch outside the bracket.
     */
    void scan(double[] imp, int io, double[] w, int wo, double[] out, int oo, int base, int n) {
      double l = lo;
      double h = hi;
      int ab = 0;
      int c = nc;
      int[] cd = idx;
      for (int k = 0; k < n; k++) {
        double v = imp[io + k];
        double x = w == null ? 1.0 : w[wo + k];
        out[oo + k] = v > h ? x : 0.0; // branch-free: about s/p are kept, unpredictably placed
        ab += v > h ? 1 : 0;
        if (v >= l && v <= h) {
          if (c == cd.length) {
            overflow = true;
            break;
          }
          cd[c++] = base + k;
        } else if (v != v) {
          throw nan(base + k);
        }
      }
      above += ab;
      nc = c;
    }

    /**
     * After the pass: if the s-th largest lies in the bracket (the entries above it are fewer than s,
     * with the candidates at least s), the candidates decide it; the kept ones are rewritten.
     *
     * @return false if the bracket missed
     */
    boolean finish(DoubleBuffer imp, DoubleBuffer weights, DoubleBuffer out, int s) {
      if (overflow || above >= s || above + nc < s) {
        return false;
      }
      double[] vals = new double[nc];
      for (int j = 0; j < nc; j++) {
        vals[j] = imp.get(idx[j]);
      }
      double t = kthLargest(vals, 0, nc, s - above);
      int ties = s - above;
      for (int j = 0; j < nc; j++) {
        ties -= vals[j] > t ? 1 : 0; // vals is permuted by the quickselect, same multiset
      }
      for (int j = 0; j < nc; j++) { // index order: ties at t go to the lowest indices
        int i = idx[j];
        double v = imp.get(i);
        if (v > t || (v == t && ties-- > 0)) {
          out.put(i, weights == null ? 1.0 : weights.get(i));
        }
      }
      return true;
    }
  }

  static IllegalArgumentException nan(int k) {
    return new IllegalArgumentException("importance: entry " + k + " is NaN");
  }

  /**
   * The s-th largest value in {@code a[from, to)}, 1 ≤ s ≤ to − from; permutes that range.
   * Quickselect with median-of-three pivots; three-way partitioning keeps runs of equal values
   * (common: many zero importances) linear.
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
