package dev.prunebench.report.bench;

import dev.prunebench.util.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The statistics of the noisy-machine protocol, on per-fork scores (one score per JMH fork: the mean
 * of its measurement iterations). A fork is the unit of independence: iterations inside one JVM share
 * its JIT decisions, heap layout and the neighbour's load of that moment, so only forks are resampled.
 *
 * <ul>
 *   <li>Location: the median over forks, {@code m = med(x₁ … x_F)}; a fork hit by a neighbour's burst
 *       moves a mean but not a median.</li>
 *   <li>Interval: the percentile bootstrap — draw F forks with replacement B times, take the median of
 *       each draw, and report the (α/2, 1 − α/2) quantiles of those B medians (Efron &amp; Tibshirani
 *       1993, §13.3). The bootstrap is seeded, so a report renders the same intervals every time.</li>
 *   <li>Paired ratio of backend b to a chosen backend ref: forks of one round ran back to back (see
 *       {@link ForkSchedule}), so {@code rᵢ = bᵢ / refᵢ} cancels the drift both saw; the statistic is
 *       {@code med(rᵢ)} with the bootstrap interval of that median.</li>
 *   <li>Unpaired ratio (two runs, e.g. {@code compare}): {@code med(y) / med(x)}, each side resampled on
 *       its own.</li>
 * </ul>
 */
public final class ForkStatistics {
  private ForkStatistics() {}

  /** Default confidence level of every interval in the report and in {@code compare}. */
  public static final double LEVEL = 0.95;
  /** Bootstrap resamples; 4000 puts the Monte-Carlo error of a 2.5 % quantile well below a fork's spread. */
  public static final int RESAMPLES = 4000;
  /** Seed of every bootstrap (a report is deterministic given its JSON). */
  public static final long SEED = 20201118L;

  /**
   * A point estimate with a confidence interval, all positive for times and ratios.
   *
   * @param estimate the median (or ratio of medians)
   * @param low lower end of the interval
   * @param high upper end of the interval
   */
  public record Interval(double estimate, double low, double high) {
    /** The larger of the two half-widths relative to the estimate: 0.05 means "within ±5 %". */
    public double relativeHalfWidth() {
      return Math.max(high - estimate, estimate - low) / estimate;
    }

    /** Whether the whole interval lies above {@code x}. */
    public boolean above(double x) {
      return low > x;
    }

    /** Whether the whole interval lies below {@code x}. */
    public boolean below(double x) {
      return high < x;
    }

    /** The interval of {@code c / this} for a positive constant c (ends swap). */
    public Interval reciprocalTimes(double c) {
      return new Interval(c / estimate, c / high, c / low);
    }

    /** This interval divided by a positive constant. */
    public Interval dividedBy(double c) {
      return new Interval(estimate / c, low / c, high / c);
    }
  }

  /** The median of {@code x} (mean of the two middle values for an even count); x is not modified. */
  public static double median(double[] x) {
    if (x.length == 0) {
      throw new IllegalArgumentException("median of no values");
    }
    double[] s = x.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  /** The median over forks with its percentile-bootstrap interval at {@link #LEVEL}. */
  public static Interval median(double[] forks, long seed) {
    requirePositive(forks, "fork scores");
    RandomGenerator rng = Rng.of(seed);
    double[] meds = new double[RESAMPLES];
    double[] draw = new double[forks.length];
    for (int b = 0; b < RESAMPLES; b++) {
      resample(forks, draw, rng);
      meds[b] = median(draw);
    }
    return percentile(median(forks), meds);
  }

  /**
   * The paired ratio {@code med(bᵢ / refᵢ)} over rounds i with its bootstrap interval (rounds are
   * resampled as pairs).
   *
   * @param b the backend's fork scores, by round
   * @param ref the chosen backend's fork scores, same rounds in the same order
   */
  public static Interval pairedRatio(double[] b, double[] ref, long seed) {
    if (b.length != ref.length) {
      throw new IllegalArgumentException("paired ratio needs the same rounds: " + b.length + " vs " + ref.length);
    }
    requirePositive(b, "fork scores");
    requirePositive(ref, "reference fork scores");
    double[] r = new double[b.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = b[i] / ref[i];
    }
    return median(r, seed);
  }

  /** The unpaired ratio {@code med(y) / med(x)} with a bootstrap interval resampling x and y separately. */
  public static Interval ratioOfMedians(double[] y, double[] x, long seed) {
    requirePositive(y, "NEW fork scores");
    requirePositive(x, "OLD fork scores");
    RandomGenerator rng = Rng.of(seed);
    double[] ratios = new double[RESAMPLES];
    double[] dy = new double[y.length];
    double[] dx = new double[x.length];
    for (int b = 0; b < RESAMPLES; b++) {
      resample(y, dy, rng);
      resample(x, dx, rng);
      ratios[b] = median(dy) / median(dx);
    }
    return percentile(median(y) / median(x), ratios);
  }

  private static void resample(double[] from, double[] into, RandomGenerator rng) {
    for (int i = 0; i < into.length; i++) {
      into[i] = from[rng.nextInt(from.length)];
    }
  }

  /** The (α/2, 1 − α/2) quantiles of the bootstrap replicates (nearest rank, no interpolation). */
  private static Interval percentile(double estimate, double[] replicates) {
    Arrays.sort(replicates);
    double alpha = 1 - LEVEL;
    int n = replicates.length;
    int lo = (int) Math.floor(alpha / 2 * n);
    int hi = Math.min(n - 1, (int) Math.ceil((1 - alpha / 2) * n) - 1);
    return new Interval(estimate, Math.min(estimate, replicates[lo]), Math.max(estimate, replicates[hi]));
  }

  private static void requirePositive(double[] x, String what) {
    if (x.length == 0) {
      throw new IllegalArgumentException(what + ": no forks");
    }
    for (double v : x) {
      if (!(v > 0 && Double.isFinite(v))) {
        throw new IllegalArgumentException(what + ": " + v + " is not a positive finite score");
      }
    }
  }
}
