package dev.prunebench.report.bench;

import java.util.List;
import java.util.Objects;

/**
 * What a comparison of two JMH runs concluded: either every measurement of OLD was judged
 * ({@link Judged}), or the runs cannot be judged at all ({@link Incomparable}). A CI gate must never
 * read "no regression" into the second case, so it is a separate type rather than an empty row list.
 */
public sealed interface CompareOutcome permits CompareOutcome.Judged, CompareOutcome.Incomparable {

  /**
   * Why two JMH runs cannot be judged. The first three are properties of one file; the others of the
   * pair. {@link #label()} is the short phrase used in the one-line message.
   */
  enum Reason {
    /** The file has no bytes (or only white space). */
    EMPTY_FILE("empty file"),
    /** The file is not JSON, or not the array of results JMH writes with {@code -rf json}. */
    NOT_JMH_JSON("not JMH JSON"),
    /** A valid JMH JSON array without a single result ({@code []}). */
    NO_RESULTS("no results"),
    /** The same benchmark, mode and parameters appear twice in one file: which one counts? */
    DUPLICATE_MEASUREMENT("duplicate measurement"),
    /** A score that is NaN, infinite or not positive, or an error or interval that is not finite. */
    UNUSABLE_SCORE("unusable score"),
    /** Not one benchmark with the same parameters is in both runs. */
    NOTHING_IN_COMMON("nothing in common"),
    /** The same benchmark and parameters were measured in different JMH modes (avgt vs thrpt, ...). */
    MODE_MISMATCH("different mode"),
    /** The same benchmark, mode and parameters report their score in different units. */
    UNIT_MISMATCH("different unit"),
    /** A measurement of OLD has no counterpart in NEW (not allowed unless asked for). */
    MISSING_IN_NEW("missing from NEW");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    /** Short phrase, e.g. {@code missing from NEW}. */
    public String label() {
      return label;
    }
  }

  /**
   * Every measurement of OLD was matched and judged.
   *
   * @param rows one row per measurement: the judged pairs, then (only when missing rows were allowed)
   *     the measurements only in OLD, then those only in NEW
   */
  record Judged(List<JmhComparison.Row> rows) implements CompareOutcome {
    public Judged {
      rows = List.copyOf(rows);
    }

    /** Whether any row is a regression (the CI exit-status condition). */
    public boolean anyRegression() {
      return count(JmhComparison.Verdict.REGRESSION) > 0;
    }

    /** How many rows have verdict {@code v}. */
    public long count(JmhComparison.Verdict v) {
      return rows.stream().filter(r -> r.verdict() == v).count();
    }
  }

  /**
   * The runs cannot be judged.
   *
   * @param reason the first check that failed (checks run in the order of {@link Reason})
   * @param first the first offending file or measurement, described for a person
   * @param more how many further measurements fail the same check
   */
  record Incomparable(Reason reason, String first, int more) implements CompareOutcome {
    public Incomparable {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(first, "first");
      if (more < 0) {
        throw new IllegalArgumentException("more must be >= 0, got " + more);
      }
    }

    /** One line, e.g. {@code missing from NEW: GemmBenchmark.gemm [backend=ejml] ..., and 112 more}. */
    public String message() {
      return reason.label() + ": " + first + (more > 0 ? ", and " + more + " more" : "");
    }
  }
}
