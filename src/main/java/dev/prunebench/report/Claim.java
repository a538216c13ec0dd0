package dev.prunebench.report;

import java.util.Locale;
import java.util.Objects;

/**
 * One of the paper's claims checked against a run: what the paper says, what it shows as evidence,
 * what we measured, and the verdict of an explicit rule. Every experiment writes its claims to
 * {@code claims.csv} ({@link Claims}); the reports index ({@code prunebench reproduce}) reads them.
 *
 * @param claim the paper's statement, with the rule used to judge it
 * @param paperEvidence where the paper shows it (figure, equation, section)
 * @param measurement our numbers
 * @param verdict the rule's outcome
 * @param why for "does not hold" and "partly holds": the mechanism, backed by a measured number, or
 *     "unexplained"; empty when the claim holds or the experiment gives no explanation column
 */
public record Claim(String claim, String paperEvidence, String measurement, Verdict verdict, String why) {

  /** A claim without a why column (it holds, or the experiment explains its verdicts in the measurement). */
  public Claim(String claim, String paperEvidence, String measurement, Verdict verdict) {
    this(claim, paperEvidence, measurement, verdict, "");
  }

  /** The same claim with {@code why} as its explanation. */
  public Claim withWhy(String newWhy) {
    return new Claim(claim, paperEvidence, measurement, verdict, newWhy);
  }

  /** The outcome of a claim's rule. */
  public enum Verdict {
    HOLDS("holds"),
    PARTLY("partly holds"),
    DOES_NOT_HOLD("does not hold"),
    /** The numbers the rule needs are no result (e.g. a training run diverged): no verdict either way. */
    NOT_JUDGED("not judged");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    /** Human-readable form, e.g. "does not hold". */
    public String text() {
      return text;
    }

    /** HOLDS if {@code holds}, DOES_NOT_HOLD otherwise. */
    public static Verdict of(boolean holds) {
      return holds ? HOLDS : DOES_NOT_HOLD;
    }

    /** Parses the CSV form ({@code holds}, {@code partly}, {@code does_not_hold}, {@code not_judged}). */
    public static Verdict parse(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("verdict must be holds, partly, does_not_hold or not_judged, got '" + s + "'", e);
      }
    }
  }

  public Claim {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(paperEvidence, "paperEvidence");
    Objects.requireNonNull(measurement, "measurement");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(why, "why");
  }
}
