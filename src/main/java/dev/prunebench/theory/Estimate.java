package dev.prunebench.theory;

/**
 * A Monte-Carlo mean and its standard error {@code sd/√count} (0 when count is 1 or the samples
 * are equal).
 */
public record Estimate(double mean, double standardError, int count) {

  /** Accumulates samples with Welford's update, which stays accurate for many draws. */
  public static final class Accumulator {
    private int count;
    private double mean;
    private double m2;

    public void add(double x) {
      count++;
      double d = x - mean;
      mean += d / count;
      m2 += d * (x - mean);
    }

    public Estimate estimate() {
      double se = count > 1 ? Math.sqrt(m2 / (count - 1) / count) : 0.0;
      return new Estimate(count == 0 ? Double.NaN : mean, se, count);
    }
  }
}
