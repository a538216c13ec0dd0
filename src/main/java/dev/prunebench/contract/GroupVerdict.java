package dev.prunebench.contract;

/**
 * The verdict on one contract group (one test class of the kit, or the accuracy table) for one backend.
 *
 * @param group e.g. {@code ProductsContractTest}, {@code BenchmarkSanityTest}, {@code accuracy}
 * @param worstRatio the largest {@code error / tolerance} measured ({@code NaN} when the group records none)
 * @param worstWhere where that ratio was measured
 * @param firstFailure the first failing check's name and message, empty when none failed
 */
public record GroupVerdict(String group, int passed, int failed, int skipped, double worstRatio, String worstWhere,
    String firstFailure) {

  /** Passed: something ran and nothing failed. */
  public boolean pass() {
    return failed == 0 && passed > 0;
  }
}
