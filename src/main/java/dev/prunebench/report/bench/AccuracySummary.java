package dev.prunebench.report.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code reports/accuracy/accuracy.csv} (columns
 * {@code backend,kernel,matrix_class,rows,cols,metric,ratio,threshold}) and keeps, per kernel, metric
 * and backend, the worst ratio and the matrix class where it occurred.
 */
public final class AccuracySummary {
  private AccuracySummary() {}

  public static List<BenchReport.AccuracyCell> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    if (lines.isEmpty() || !lines.get(0).startsWith("backend,kernel,matrix_class,rows,cols,metric,ratio,threshold")) {
      throw new IOException("not an accuracy CSV (unexpected header): " + csv);
    }
    Map<String, BenchReport.AccuracyCell> worst = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length < 8) {
        throw new IOException("accuracy CSV row has " + f.length + " fields, expected 8: " + line);
      }
      double ratio = Double.parseDouble(f[6]);
      double threshold = f[7].isEmpty() ? Double.NaN : Double.parseDouble(f[7]);
      String key = f[1] + "|" + f[5] + "|" + f[0];
      BenchReport.AccuracyCell old = worst.get(key);
      int count = old == null ? 1 : old.count() + 1;
      if (old == null || ratio > old.worst() || Double.isNaN(ratio)) {
        worst.put(key, new BenchReport.AccuracyCell(f[1], f[5], f[0], ratio, f[2] + " " + f[3] + "x" + f[4], threshold,
            count));
      } else {
        worst.put(key, new BenchReport.AccuracyCell(old.kernel(), old.metric(), old.backend(), old.worst(), old.where(),
            old.threshold(), count));
      }
    }
    return new ArrayList<>(worst.values());
  }
}
