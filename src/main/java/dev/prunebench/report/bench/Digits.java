package dev.prunebench.report.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers with no more digits than their interval supports: a value is rounded to the decade of its
 * interval's half-width (12.345 with half-width 0.8 prints as 12.3), so the last printed digit is the
 * first uncertain one. Without a usable interval, three significant digits.
 */
public final class Digits {
  private Digits() {}

  /** {@code estimate [low, high]} at the interval's resolution. */
  public static String withInterval(ForkStatistics.Interval i) {
    if (!(Double.isFinite(i.low()) && Double.isFinite(i.high()))) {
      return sig(i.estimate(), 3) + " [?]";
    }
    int decimals = decimals(Math.max(i.high() - i.estimate(), i.estimate() - i.low()), i.estimate());
    if (i.low() > 0) {
      // a lopsided interval must not round its low end to zero: keep its first significant digit
      decimals = Math.max(decimals, -(int) Math.floor(Math.log10(i.low())));
    }
    return fixed(i.estimate(), decimals) + " [" + fixed(i.low(), decimals) + ", " + fixed(i.high(), decimals) + "]";
  }

  /**
   * Decimals that put the last digit at the decade of {@code halfWidth}, at most 4 significant digits of
   * {@code value} (a zero half-width means identical forks, not infinite precision).
   */
  static int decimals(double halfWidth, double value) {
    int maxDecimals = 3 - (int) Math.floor(Math.log10(Math.abs(value)));
    if (!(halfWidth > 0)) {
      return Math.max(0, maxDecimals);
    }
    // negative: round to tens, hundreds, ... (1234.5 ± 265 prints as 1200)
    return Math.min(-(int) Math.floor(Math.log10(halfWidth)), maxDecimals);
  }

  private static String fixed(double v, int decimals) {
    return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    // toPlainString writes a negative scale as trailing zeros: 1.2E+3 -> 1200
  }

  private static String sig(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "g", v);
  }
}
