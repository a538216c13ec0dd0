package dev.prunebench.accuracy;

import dev.prunebench.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

  /** A failed check, with a message naming backend, kernel, class and both numbers. */
  public record Violation(String message) {}

  public static List<AccuracyRow> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    if (lines.isEmpty() || !lines.get(0).equals(AccuracyRow.HEADER)) {
      throw new IOException("not an accuracy CSV (header must be '" + AccuracyRow.HEADER + "'): " + csv);
    }
    List<AccuracyRow> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      if (!l.isBlank()) {
        rows.add(AccuracyRow.parse(l));
      }
    }
    return rows;
  }

  public static void write(Path csv, List<AccuracyRow> rows) throws IOException {
    StringBuilder sb = new StringBuilder(AccuracyRow.HEADER).append('\n');
    rows.forEach(r -> sb.append(r.toCsv()).append('\n'));
    AtomicFiles.writeString(csv, sb.toString());
  }

  /** Every violation of the rule; empty when the current ratios pass. */
  public static List<Violation> check(List<AccuracyRow> current, List<AccuracyRow> baseline) {
    Map<String, AccuracyRow> base = new LinkedHashMap<>();
    baseline.forEach(r -> base.put(r.key(), r));
    Map<String, AccuracyRow> now = new LinkedHashMap<>();
    current.forEach(r -> now.put(r.key(), r));
    List<Violation> out = new ArrayList<>();
    for (AccuracyRow r : current) {
      String where = String.format(Locale.ROOT, "backend %s, kernel %s, class %s %dx%d, metric %s", r.backend(),
          r.kernel(), r.matrixClass(), r.rows(), r.cols(), r.metric());
      if (Double.isNaN(r.ratio()) || (!Double.isNaN(r.threshold()) && r.ratio() > r.threshold())) {
        out.add(new Violation(String.format(Locale.ROOT, "%s: ratio %.3g exceeds the threshold %.0f", where,
            r.ratio(), r.threshold())));
      }
      AccuracyRow b = base.get(r.key());
      if (b == null) {
        if (!isNewBackend(r.backend(), baseline)) {
          out.add(new Violation(where + ": not in the baseline (a kernel that used to refuse now answers, "
              + "or a new measurement: update the baseline explicitly)"));
        }
        continue;
      }
      if (Math.max(r.ratio(), FLOOR) > GROWTH * Math.max(b.ratio(), FLOOR)) {
        out.add(new Violation(String.format(Locale.ROOT, "%s: ratio %.3g grew more than %.0fx over its baseline %.3g",
            where, r.ratio(), GROWTH, b.ratio())));
      }
    }
    for (AccuracyRow b : baseline) {
      if (!now.containsKey(b.key()) && current.stream().anyMatch(r -> r.backend().equals(b.backend()))) {
        out.add(new Violation(String.format(Locale.ROOT,
            "backend %s, kernel %s, class %s %dx%d, metric %s: in the baseline (ratio %.3g) but not measured now",
            b.backend(), b.kernel(), b.matrixClass(), b.rows(), b.cols(), b.metric(), b.ratio())));
      }
    }
    return out;
  }

  /** A backend absent from the baseline altogether (e.g. native, unavailable when it was made). */
  private static boolean isNewBackend(String backend, List<AccuracyRow> baseline) {
    return baseline.stream().noneMatch(b -> b.backend().equals(backend));
  }
}
