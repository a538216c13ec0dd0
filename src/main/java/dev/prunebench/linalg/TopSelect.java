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
 * pass counts the entries above the bracket and copies those inside it (a few per cent of p) into a
 * candidate buffer, where a quickselect finishes. If the bracket misses (adversarial input order), a
 * quickselect on a full copy answers instead, so the result is always exact; only the cost depends on
 * the input. Every pass rejects NaN, naming the first bad entry it meets.
 */
final class TopSelect {
  private TopSelect() {}

  /** The s-th largest value and how many entries are strictly larger. */
  record Selection(double value, int above) {}

  /** Below this length a plain quickselect on a copy is cheaper than sampling. */
  private static final int SAMPLE_MIN_LENGTH = 1 << 14;
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

  private static Selection selectBySample(double[] a, DoubleBuffer buf, int from, int len, int s) {
    int m = SAMPLE_SIZE;
    double[] sample = new double[m];
    for (int i = 0; i < m; i++) {
      int k = from + (int) ((long) i * len / m);
      sample[i] = a != null ? a[k] : buf.get(k);
    }
    java.util.Arrays.sort(sample); // NaN sorts last; the candidate pass below reports it
    // target: the s-th largest, i.e. ascending rank len - s; in the sample, ascending rank r
    double r = (double) (len - s) * m / len;
    double margin = 4 * Math.sqrt(m * ((double) s / len) * (1 - (double) s / len)) + 8;
    int loIdx = (int) Math.floor(r - margin);
    int hiIdx = (int) Math.ceil(r + margin);
    double lo = loIdx < 0 ? Double.NEGATIVE_INFINITY : sample[loIdx];
    double hi = hiIdx >= m ? Double.POSITIVE_INFINITY : sample[hiIdx];
    // expected candidates (hiIdx − loIdx)·len/m; twice that leaves the fallback to adversarial orders
    int capacity = (int) Math.min(len, (long) Math.ceil((hiIdx - loIdx + 1) * 2.0 * len / m) + 64);
    Collector c = new Collector(lo, hi, capacity);
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
