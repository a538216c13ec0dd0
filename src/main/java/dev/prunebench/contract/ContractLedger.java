package dev.prunebench.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worst normalised error per contract group seen in this JVM: the contract tests report every
 * checked ratio here (through their {@code ContractErrors} extension), so {@code prunebench check}, which
 * runs them in-process, can print each group's worst {@code error / tolerance} next to its verdict.
 * A ratio above 1 is a failed assertion; exact checks (tolerance 0) count as 0 when exact, ∞ otherwise.
 */
public final class ContractLedger {
  /** The worst check of a group: its ratio and where it was measured. */
  public record Worst(double ratio, String kernel, String test, String worstCase) {}

  private static final Map<String, Worst> WORST = new LinkedHashMap<>();

  private ContractLedger() {}

  /** Forgets everything (called before a run). */
  public static synchronized void reset() {
    WORST.clear();
  }

  /**
   * Records one checked error of {@code group} (the test class's simple name).
   *
   * @param tolerance the bound the error was held to; 0 for an exact check, ∞ for a recorded-only value
   */
  public static synchronized void record(String group, String kernel, String test, double error, double tolerance,
      String worstCase) {
    double ratio = tolerance == 0 ? (error == 0 ? 0 : Double.POSITIVE_INFINITY)
        : Double.isInfinite(tolerance) ? 0 : error / tolerance;
    if (Double.isNaN(error)) {
      ratio = Double.NaN;
    }
    Worst old = WORST.get(group);
    if (old == null || Double.isNaN(ratio) || (!Double.isNaN(old.ratio()) && ratio > old.ratio())) {
      WORST.put(group, new Worst(ratio, kernel, test, worstCase));
    }
  }

  /** A copy of the worst ratio per group. */
  public static synchronized Map<String, Worst> worst() {
    return new LinkedHashMap<>(WORST);
  }
}
