package dev.prunebench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Minimal RFC 4180 CSV output with a fixed, locale-independent number format, so the same seed
 * gives byte-identical files. Doubles are written with {@link Double#toString(double)} semantics
 * (shortest repr that round-trips), NaN as {@code NaN}.
 */
public final class Csv {
  private Csv() {}

  /** Writes a header and rows atomically (see {@link AtomicFiles}). */
  public static void write(Path target, List<String> header, List<? extends List<?>> rows) throws IOException {
    StringBuilder sb = new StringBuilder();
    appendRow(sb, header);
    for (List<?> r : rows) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException("CSV row has " + r.size() + " cells but the header has "
            + header.size() + ": " + r);
      }
      appendRow(sb, r);
    }
    AtomicFiles.writeString(target, sb.toString());
  }

  /**
   * Reads a file written by {@link #write}: the header row, then the data rows, every cell as written
   * (doubles parse back to the same value, {@link Double#toString(double)} round-trips).
   *
   * @throws IllegalArgumentException naming the file when a row's length differs from the header's
   */
  public static List<List<String>> read(Path file) throws IOException {
    List<List<String>> rows = Claims.parse(java.nio.file.Files.readString(file,
        java.nio.charset.StandardCharsets.UTF_8));
    for (List<String> r : rows) {
      if (rows.isEmpty() || r.size() != rows.get(0).size()) {
        throw new IllegalArgumentException("file " + file + ": a row has " + r.size() + " cells, the header "
            + rows.get(0).size());
      }
    }
    return rows;
  }

  private static void appendRow(StringBuilder sb, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells.get(i)));
    }
    sb.append('\n');
  }

  /** One cell, quoted when it contains a comma, quote or newline. */
  public static String cell(Object o) {
    String s;
    if (o == null) {
      s = "";
    } else if (o instanceof Double d) {
      s = Double.toString(d);
    } else if (o instanceof Float f) {
      s = Float.toString(f);
    } else if (o instanceof Enum<?> e) {
      s = e.name().toLowerCase(Locale.ROOT);
    } else {
      s = o.toString();
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
      s = '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
