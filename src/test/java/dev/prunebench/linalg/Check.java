package dev.prunebench.linalg;

import static org.assertj.core.api.Assertions.assertThat;

/** Records a normalised error in {@link ContractErrors} and asserts it is within its tolerance. */
final class Check {
  static final double EPS = Math.ulp(1.0);

  private Check() {}

  /**
   * Asserts {@code ratio ≤ tolerance} (NaN fails) after recording it.
   *
   * @param what a description of the case, shown on failure
   */
  static void ratio(Backend backend, String kernel, String test, double ratio, double tolerance, String what) {
    ContractErrors.record(backend, kernel, test, ratio, tolerance, what);
    assertThat(ratio).as("%s %s %s: %s (normalised error %.3g, tolerance %.3g)", backend.cliName(), kernel,
        test, what, ratio, tolerance).isNotNaN().isLessThanOrEqualTo(tolerance);
  }

  /** The backend's result as a boundary matrix, released afterwards. */
  static <M> Matrix take(LinearAlgebraBackend<M> b, M m) {
    Matrix out = b.toBoundary(m);
    b.release(m);
    return out;
  }

  /** Whether every entry is finite. */
  static boolean allFinite(Matrix m) {
    for (int k = 0; k < m.size(); k++) {
      if (!Double.isFinite(m.getFlat(k))) {
        return false;
      }
    }
    return true;
  }

  /** A seed that depends on everything that names a case, so that no two cases share inputs. */
  static long seed(Object... parts) {
    // String hashes, not Object hashes: enum hash codes differ from run to run
    StringBuilder sb = new StringBuilder();
    for (Object o : parts) {
      sb.append(o).append('|');
    }
    return sb.toString().hashCode() * 0x9E3779B97F4A7C15L;
  }
}
