package dev.prunebench.report.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

  /** Trailing tokens fail: two results files concatenated, or a truncated one, are not one run. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * A file that was read but is not a usable JMH result file; {@link #reason()} says which way
   * ({@link CompareOutcome.Reason#EMPTY_FILE}, {@link CompareOutcome.Reason#NOT_JMH_JSON} or
   * {@link CompareOutcome.Reason#NO_RESULTS}). Distinct from a plain {@link IOException}, which means
   * the file could not be read at all.
   */
  public static final class NotJmhResultsException extends IOException {
    private final CompareOutcome.Reason reason;
    private final Path file;
    private final String detail;

    NotJmhResultsException(CompareOutcome.Reason reason, Path file, String detail) {
      super(file + ": " + reason.label() + (detail.isEmpty() ? "" : " (" + detail + ")"));
      this.reason = reason;
      this.file = file;
      this.detail = detail;
    }

    /** What exactly is wrong, e.g. {@code an empty array}; empty when the reason says it all. */
    public String detail() {
      return detail;
    }

    public CompareOutcome.Reason reason() {
      return reason;
    }

    public Path file() {
      return file;
    }
  }

  /**
   * Parses a JMH JSON file: a non-empty JSON array of objects, each with {@code benchmark} and
   * {@code primaryMetric}.
   *
   * @throws NotJmhResultsException if the file is empty, not JMH JSON or holds no results
   * @throws IOException if the file cannot be read (missing, a directory, no permission)
   */
  public static List<JmhResult> read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      throw new NotJmhResultsException(CompareOutcome.Reason.EMPTY_FILE, file, "");
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new NotJmhResultsException(CompareOutcome.Reason.NOT_JMH_JSON, file,
          "not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isArray()) {
      throw new NotJmhResultsException(CompareOutcome.Reason.NOT_JMH_JSON, file,
          "expected a JSON array of results, found " + (root == null ? "nothing"
              : root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    if (root.isEmpty()) {
      throw new NotJmhResultsException(CompareOutcome.Reason.NO_RESULTS, file, "an empty array");
    }
    List<JmhResult> out = new ArrayList<>();
    for (JsonNode n : root) {
      if (!n.path("benchmark").isTextual() || !n.path("mode").isTextual() || !n.path("primaryMetric").isObject()) {
        throw new NotJmhResultsException(CompareOutcome.Reason.NOT_JMH_JSON, file,
            "entry " + (out.size() + 1) + " lacks benchmark, mode or primaryMetric");
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
      out.add(new JmhResult(n.get("benchmark").asText(), n.get("mode").asText(),
          new TreeMap<>(params), metric(n.get("primaryMetric")), secondary, forks(n.path(PROTOCOL))));
    }
    return out;
  }

  /**
   * The member the protocol adds to each JMH entry ({@link ProtocolJson}); plain JMH tools ignore it.
   */
  static final String PROTOCOL = "prunebench";

  /** The per-fork scores of a protocol entry, or none for plain JMH output. */
  private static List<JmhResult.Fork> forks(JsonNode protocol) {
    List<JmhResult.Fork> forks = new ArrayList<>();
    for (JsonNode f : protocol.path("forks")) {
      forks.add(new JmhResult.Fork(f.path("round").asInt(), number(f.get("score"))));
    }
    return forks;
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
