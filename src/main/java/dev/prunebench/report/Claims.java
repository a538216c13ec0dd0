package dev.prunebench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads {@code claims.csv}: columns {@code claim,paper_evidence,measurement,verdict} and,
 * when any claim has one, {@code why} (RFC 4180 quoting, UTF-8, verdict in lower case: {@code holds},
 * {@code partly}, {@code does_not_hold}, {@code not_judged}); files without the {@code why} column read as
 * claims with an empty why. The reports index reads these files instead of scraping console output.
 */
public final class Claims {
  private Claims() {}

  /** The file name every experiment writes into its output directory. */
  public static final String FILE = "claims.csv";

  static final List<String> HEADER = List.of("claim", "paper_evidence", "measurement", "verdict");
  static final List<String> HEADER_WHY = List.of("claim", "paper_evidence", "measurement", "verdict", "why");

  /** Writes {@code claims} to {@code dir/claims.csv} atomically. */
  public static Path write(Path dir, List<Claim> claims) throws IOException {
    Path target = dir.resolve(FILE);
    if (claims.stream().anyMatch(c -> !c.why().isEmpty())) {
      Csv.write(target, HEADER_WHY, claims.stream()
          .map(c -> List.of(c.claim(), c.paperEvidence(), c.measurement(), c.verdict(), c.why())).toList());
    } else {
      Csv.write(target, HEADER, claims.stream()
          .map(c -> List.of(c.claim(), c.paperEvidence(), c.measurement(), c.verdict())).toList());
    }
    return target;
  }

  /**
   * Reads a file written by {@link #write}.
   *
   * @throws IllegalArgumentException naming the file when its header or a row is malformed
   */
  public static List<Claim> read(Path file) throws IOException {
    List<List<String>> rows = parse(Files.readString(file, StandardCharsets.UTF_8));
    if (rows.isEmpty() || !(rows.get(0).equals(HEADER) || rows.get(0).equals(HEADER_WHY))) {
      throw new IllegalArgumentException("file " + file + " is not a claims CSV: header must be " + HEADER
          + " or " + HEADER_WHY);
    }
    int cells = rows.get(0).size();
    List<Claim> out = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      if (r.size() != cells) {
        throw new IllegalArgumentException("file " + file + ": row has " + r.size() + " cells, expected " + cells
            + ": " + r);
      }
      out.add(new Claim(r.get(0), r.get(1), r.get(2), Claim.Verdict.parse(r.get(3)), cells == 5 ? r.get(4) : ""));
    }
    return out;
  }

  /** RFC 4180 parsing: quoted cells may hold commas, doubled quotes and newlines. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      any = true;
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        any = false;
      } else if (ch != '\r') {
        cell.append(ch);
      }
    }
    if (any) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }
}
