package dev.prunebench.report.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads JMH's JSON result format ({@code -rf json}) into {@link JmhResult}s. */
public final class JmhResults {
  private JmhResults() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Parses a JMH JSON file.
   *
   * @throws IOException if the file cannot be read or is not a JMH JSON array, naming the file
   */
  public static List<JmhResult> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException("cannot read JMH results " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IOException("not a JMH JSON result file (expected a JSON array): " + file);
    }
    List<JmhResult> out = new ArrayList<>();
    for (JsonNode n : root) {
      if (!n.hasNonNull("benchmark") || !n.hasNonNull("primaryMetric")) {
        throw new IOException("not a JMH JSON result file (entry without benchmark/primaryMetric): " + file);
      }
      Map<String, String> params = new TreeMap<>();
      JsonNode p = n.get("params");
      if (p != null) {
        p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      }
      Map<String, JmhResult.Metric> secondary = new HashMap<>();
      JsonNode s = n.get("secondaryMetrics");
      if (s != null) {
        s.fields().forEachRemaining(e -> secondary.put(e.getKey(), metric(e.getValue())));
      }
      out.add(new JmhResult(n.get("benchmark").asText(), n.path("mode").asText("avgt"),
          new TreeMap<>(params), metric(n.get("primaryMetric")), secondary));
    }
    return out;
  }

  private static JmhResult.Metric metric(JsonNode m) {
    double score = number(m.get("score"));
    double error = number(m.get("scoreError"));
    double lo = Double.NaN;
    double hi = Double.NaN;
    JsonNode ci = m.get("scoreConfidence");
    if (ci != null && ci.isArray() && ci.size() == 2) {
      lo = number(ci.get(0));
      hi = number(ci.get(1));
    }
    return new JmhResult.Metric(score, error, lo, hi, m.path("scoreUnit").asText(""));
  }

  /** JMH writes "NaN" as a string when a value is undefined. */
  private static double number(JsonNode n) {
    if (n == null || n.isNull()) {
      return Double.NaN;
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    try {
      return Double.parseDouble(n.asText());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
