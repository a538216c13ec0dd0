package dev.prunebench.report.bench;

import dev.prunebench.report.bench.CompareOutcome.Incomparable;
import dev.prunebench.report.bench.CompareOutcome.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Whether two JMH runs can be judged at all, checked in the order of {@link Reason}: duplicates,
 * unusable scores, nothing in common, mode and unit mismatches, measurements of OLD missing from NEW.
 * The first failing check wins and names its first offender and how many more there are.
 *
 * <p>A measurement is identified by benchmark and parameters; the mode is compared, not matched, so
 * an avgt run against a thrpt run of the same benchmarks is a mode mismatch rather than "nothing in
 * common". A file that measures several modes of one benchmark (JMH {@code -bm avgt,thrpt}) pairs
 * them mode by mode.
 */
final class JmhComparability {
  private JmhComparability() {}

  /** The first reason {@code oldRun} and {@code newRun} cannot be judged, or empty if they can. */
  static Optional<Incomparable> check(List<JmhResult> oldRun, List<JmhResult> newRun, boolean allowMissing) {
    List<Supplier<Optional<Incomparable>>> checks = List.of(
        () -> noResults(oldRun, "OLD"),
        () -> noResults(newRun, "NEW"),
        () -> duplicates(oldRun, "OLD"),
        () -> duplicates(newRun, "NEW"),
        () -> unusableScores(oldRun, newRun),
        () -> nothingInCommon(oldRun, newRun),
        () -> mismatches(oldRun, newRun, Reason.MODE_MISMATCH),
        () -> mismatches(oldRun, newRun, Reason.UNIT_MISMATCH),
        () -> allowMissing ? Optional.empty() : missing(oldRun, newRun));
    for (Supplier<Optional<Incomparable>> c : checks) {
      Optional<Incomparable> found = c.get();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The measurements of OLD whose benchmark and parameters are absent from NEW (in any mode). */
  static List<JmhResult> missingFromNew(List<JmhResult> oldRun, List<JmhResult> newRun) {
    Set<String> present = new HashSet<>();
    newRun.forEach(n -> present.add(n.identity()));
    return oldRun.stream().filter(o -> !present.contains(o.identity())).toList();
  }

  private static Optional<Incomparable> firstOf(Reason reason, List<String> offenders) {
    return offenders.isEmpty() ? Optional.empty()
        : Optional.of(new Incomparable(reason, offenders.get(0), offenders.size() - 1));
  }

  private static Optional<Incomparable> noResults(List<JmhResult> run, String side) {
    return run.isEmpty() ? Optional.of(new Incomparable(Reason.NO_RESULTS, side + " holds no results", 0))
        : Optional.empty();
  }

  private static Optional<Incomparable> duplicates(List<JmhResult> run, String side) {
    Set<String> seen = new HashSet<>();
    List<String> offenders = new ArrayList<>();
    for (JmhResult r : run) {
      if (!seen.add(r.key())) {
        offenders.add(r.label() + " (" + r.mode() + ") appears more than once in " + side);
      }
    }
    return firstOf(Reason.DUPLICATE_MEASUREMENT, offenders);
  }

  /**
   * A ratio of scores needs finite positive scores, and the interval test needs a finite error and
   * interval (JMH writes NaN for both when a benchmark had a single measurement iteration). A zero
   * error is allowed: it is what JMH reports when every sample was identical.
   */
  private static Optional<Incomparable> unusableScores(List<JmhResult> oldRun, List<JmhResult> newRun) {
    List<String> offenders = new ArrayList<>();
    for (List<JmhResult> run : List.of(oldRun, newRun)) {
      String side = run == oldRun ? "OLD" : "NEW";
      for (JmhResult r : run) {
        JmhResult.Metric m = r.primary();
        String problem = null;
        if (!(Double.isFinite(m.score()) && m.score() > 0)) {
          problem = "score " + m.score();
        } else if (!(Double.isFinite(m.error()) && m.error() >= 0)) {
          problem = "error " + m.error();
        } else if (!(Double.isFinite(m.ciLow()) && Double.isFinite(m.ciHigh()) && m.ciLow() <= m.ciHigh())) {
          problem = String.format(Locale.ROOT, "99.9%% interval [%s, %s]", m.ciLow(), m.ciHigh());
        } else {
          problem = r.forks().stream().filter(f -> !(Double.isFinite(f.score()) && f.score() > 0)).findFirst()
              .map(f -> "fork score " + f.score() + " (round " + f.round() + ")").orElse(null);
        }
        if (problem != null) {
          offenders.add(r.label() + " has " + problem + " in " + side);
        }
      }
    }
    return firstOf(Reason.UNUSABLE_SCORE, offenders);
  }

  private static Optional<Incomparable> nothingInCommon(List<JmhResult> oldRun, List<JmhResult> newRun) {
    if (missingFromNew(oldRun, newRun).size() < oldRun.size()) {
      return Optional.empty();
    }
    return Optional.of(new Incomparable(Reason.NOTHING_IN_COMMON, String.format(Locale.ROOT,
        "none of the %d measurements of OLD (e.g. %s) is in NEW (%d measurements, e.g. %s)", oldRun.size(),
        oldRun.get(0).label(), newRun.size(), newRun.get(0).label()), 0));
  }

  /**
   * Mode mismatches: a benchmark and parameter set of OLD measured in NEW, but not in OLD's mode.
   * Unit mismatches: a pair with the same mode whose score units differ (ms/op vs us/op).
   */
  private static Optional<Incomparable> mismatches(List<JmhResult> oldRun, List<JmhResult> newRun, Reason kind) {
    Map<String, List<JmhResult>> newById = new HashMap<>();
    newRun.forEach(n -> newById.computeIfAbsent(n.identity(), k -> new ArrayList<>()).add(n));
    Map<String, JmhResult> newByKey = new LinkedHashMap<>();
    newRun.forEach(n -> newByKey.put(n.key(), n));
    List<String> offenders = new ArrayList<>();
    for (JmhResult o : oldRun) {
      List<JmhResult> sameId = newById.get(o.identity());
      if (sameId == null) {
        continue;
      }
      JmhResult n = newByKey.get(o.key());
      if (kind == Reason.MODE_MISMATCH && n == null) {
        offenders.add(o.label() + " is " + o.mode() + " in OLD but " + sameId.get(0).mode() + " in NEW");
      } else if (kind == Reason.UNIT_MISMATCH && n != null && !o.primary().unit().equals(n.primary().unit())) {
        offenders.add(o.label() + " is in " + o.primary().unit() + " in OLD but " + n.primary().unit() + " in NEW");
      }
    }
    return firstOf(kind, offenders);
  }

  private static Optional<Incomparable> missing(List<JmhResult> oldRun, List<JmhResult> newRun) {
    return firstOf(Reason.MISSING_IN_NEW,
        missingFromNew(oldRun, newRun).stream().map(o -> o.label() + " is in OLD but not in NEW").toList());
  }
}
