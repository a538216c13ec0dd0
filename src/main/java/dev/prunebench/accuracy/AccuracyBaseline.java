package dev.prunebench.accuracy;

import dev.prunebench.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The committed accuracy baseline and the regression rule checked in {@code mvn verify}: a ratio fails
 * when it exceeds its threshold (30, LAPACK's, where one applies) or grows more than
 * {@value #GROWTH}x over its baseline value. Ratios below {@value #FLOOR} are compared as if they were
 * {@value #FLOOR}: typical ratios of healthy kernels are 1e-3 to 0.3 (measured on every backend), and
 * below 1e-2 a tenfold change is a different rounding of the last bits, not a regression.
 * Updating the baseline is an explicit command ({@code prunebench accuracy --update-baseline}).
 */
public final class AccuracyBaseline {
  private AccuracyBaseline() {}

  public static final double GROWTH = 10;
  public static final double FLOOR = 0.01;

  /** How many missing rows a violation names before it says "and N more". */
  static final int LISTED = 5;

  /** What a violation is about. */
  public enum Kind {
    /** A ratio above its threshold (or NaN). */
    THRESHOLD("REGRESSION"),
    /** A ratio more than {@value #GROWTH}x its baseline value. */
    GROWTH("REGRESSION"),
    /** Measurements made now that the baseline has no row for: the gate cannot judge them. */
    NOT_IN_BASELINE("MISSING"),
    /** A baseline row of a backend measured now that was not measured (e.g. a kernel now refuses). */
    NOT_MEASURED("MISSING");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** Prefix of the printed line: {@code REGRESSION} or {@code MISSING}. */
    public String label() {
      return label;
    }
  }

  /** A failed check, with a message naming backend, kernel, class and both numbers. */
  public record Violation(Kind kind, String message) {}

  /**
   * Reads a baseline (or any accuracy CSV) strictly: the header, eight fields per line, a finite
   * non-negative ratio, an empty or positive finite threshold, no measurement twice, at least one row.
   * A baseline that parsed leniently could switch the gate off row by row (a NaN baseline ratio
   * makes every growth comparison false).
   *
   * @throws IOException if the file cannot be read, or naming the first bad line and why
   */
  public static List<AccuracyRow> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    if (lines.isEmpty() || !lines.get(0).equals(AccuracyRow.HEADER)) {
      throw new IOException("not an accuracy CSV (line 1 must be '" + AccuracyRow.HEADER + "')");
    }
    List<AccuracyRow> rows = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank()) {
        continue;
      }
      AccuracyRow r;
      try {
        r = AccuracyRow.parse(l);
      } catch (IllegalArgumentException e) {
        throw new IOException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
      String problem = !(Double.isFinite(r.ratio()) && r.ratio() >= 0) ? "ratio " + r.ratio() + " is not a finite ratio >= 0"
          : !(Double.isNaN(r.threshold()) || (Double.isFinite(r.threshold()) && r.threshold() > 0))
              ? "threshold " + r.threshold() + " is neither empty nor a finite value > 0"
          : !keys.add(r.key()) ? "measurement " + r.key() + " appears twice" : null;
      if (problem != null) {
        throw new IOException("line " + (i + 1) + ": " + problem);
      }
      rows.add(r);
    }
    if (rows.isEmpty()) {
      throw new IOException("holds no measurements (only the header)");
    }
    return rows;
  }

  public static void write(Path csv, List<AccuracyRow> rows) throws IOException {
    StringBuilder sb = new StringBuilder(AccuracyRow.HEADER).append('\n');
    rows.forEach(r -> sb.append(r.toCsv()).append('\n'));
    AtomicFiles.writeString(csv, sb.toString());
  }

  /**
   * Every violation of the rule; empty when the current ratios pass. Measurements the baseline has no
   * row for are one {@link Kind#NOT_IN_BASELINE} violation listing the first {@value #LISTED} and the
   * count: a gate that skipped them would pass a new backend or kernel it never judged.
   */
  public static List<Violation> check(List<AccuracyRow> current, List<AccuracyRow> baseline) {
    Map<String, AccuracyRow> base = new LinkedHashMap<>();
    baseline.forEach(r -> base.put(r.key(), r));
    Map<String, AccuracyRow> now = new LinkedHashMap<>();
    current.forEach(r -> now.put(r.key(), r));
    List<Violation> out = new ArrayList<>();
    List<AccuracyRow> notInBaseline = new ArrayList<>();
    for (AccuracyRow r : current) {
      if (Double.isNaN(r.ratio()) || (!Double.isNaN(r.threshold()) && r.ratio() > r.threshold())) {
        out.add(new Violation(Kind.THRESHOLD, String.format(Locale.ROOT, "%s: ratio %.3g exceeds the threshold %.0f",
            where(r), r.ratio(), r.threshold())));
      }
      AccuracyRow b = base.get(r.key());
      if (b == null) {
        notInBaseline.add(r);
      } else if (Math.max(r.ratio(), FLOOR) > GROWTH * Math.max(b.ratio(), FLOOR)) {
        out.add(new Violation(Kind.GROWTH, String.format(Locale.ROOT,
            "%s: ratio %.3g grew more than %.0fx over its baseline %.3g", where(r), r.ratio(), GROWTH, b.ratio())));
      }
    }
    if (!notInBaseline.isEmpty()) {
      String listed = notInBaseline.stream().limit(LISTED).map(AccuracyBaseline::where)
          .collect(Collectors.joining("; "));
      int more = notInBaseline.size() - Math.min(LISTED, notInBaseline.size());
      out.add(new Violation(Kind.NOT_IN_BASELINE, String.format(Locale.ROOT,
          "the baseline has no row for %d measurements made now: %s%s (a new backend or kernel, or one that used "
              + "to refuse now answers: update the baseline explicitly)",
          notInBaseline.size(), listed, more > 0 ? "; and " + more + " more" : "")));
    }
    for (AccuracyRow b : baseline) {
      if (!now.containsKey(b.key()) && current.stream().anyMatch(r -> r.backend().equals(b.backend()))) {
        out.add(new Violation(Kind.NOT_MEASURED, String.format(Locale.ROOT,
            "%s: in the baseline (ratio %.3g) but not measured now", where(b), b.ratio())));
      }
    }
    return out;
  }

  private static String where(AccuracyRow r) {
    return String.format(Locale.ROOT, "backend %s, kernel %s, class %s %dx%d, metric %s", r.backend(), r.kernel(),
        r.matrixClass(), r.rows(), r.cols(), r.metric());
  }
}
