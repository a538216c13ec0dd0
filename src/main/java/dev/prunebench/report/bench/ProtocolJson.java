package dev.prunebench.report.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the protocol's measurements in JMH's JSON result shape ({@code -rf json}), so that JMH tools
 * and older {@code compare} readers still read them, with the protocol's additions in a member
 * {@code "prunebench"} per entry:
 *
 * <pre>{@code
 * "primaryMetric": {"score": <median over forks>, "scoreError": <larger half-width>,
 *                   "scoreConfidence": [<bootstrap low>, <bootstrap high>], "scoreUnit": "ms/op",
 *                   "rawData": [[<fork 1 iterations>], [<fork 2 iterations>], ...]},
 * "prunebench": {"schema": 2, "statistic": "median over forks", "confidence": 0.95,
 *                "bootstrap": {"method": "percentile", "resamples": 4000, "seed": ...},
 *                "forks": [{"round": 0, "score": ...}, ...]}
 * }</pre>
 */
public final class ProtocolJson {
  private ProtocolJson() {}

  /** Version of the {@code "prunebench"} member; plain JMH files have none. */
  public static final int SCHEMA = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  public static ArrayNode write(List<ProtocolRun.Measured> measured, ForkRunner.Settings settings) {
    ArrayNode root = JSON.createArrayNode();
    for (ProtocolRun.Measured m : measured) {
      double[] scores = m.forks().stream().mapToDouble(JmhResult.Fork::score).toArray();
      ForkStatistics.Interval ci = ForkStatistics.median(scores, ForkStatistics.SEED);
      ObjectNode e = root.addObject();
      e.put("jmhVersion", "1.37");
      e.put("benchmark", m.group().benchmark());
      e.put("mode", m.mode());
      e.put("threads", 1);
      e.put("forks", scores.length);
      e.put("warmupIterations", settings.warmupIterations());
      e.put("warmupTime", settings.warmupMillis() + " ms");
      e.put("measurementIterations", settings.measurementIterations());
      e.put("measurementTime", settings.measurementMillis() + " ms");
      ObjectNode params = e.putObject("params");
      m.group().paramsWith(m.backend()).forEach(params::put);
      metric(e.putObject("primaryMetric"), ci, m.unit(), m.iterations());
      double[] alloc = Arrays.stream(m.allocPerOp()).filter(Double::isFinite).toArray();
      if (alloc.length > 0) {
        double med = ForkStatistics.median(alloc);
        ObjectNode sec = e.putObject("secondaryMetrics").putObject("gc.alloc.rate.norm");
        sec.put("score", med);
        sec.put("scoreError", "NaN");
        sec.putArray("scoreConfidence").add("NaN").add("NaN");
        sec.put("scoreUnit", "B/op");
      }
      ObjectNode p = e.putObject(JmhResults.PROTOCOL);
      p.put("schema", SCHEMA);
      p.put("statistic", "median over forks");
      p.put("confidence", ForkStatistics.LEVEL);
      ObjectNode b = p.putObject("bootstrap");
      b.put("method", "percentile");
      b.put("resamples", ForkStatistics.RESAMPLES);
      b.put("seed", ForkStatistics.SEED);
      ArrayNode forks = p.putArray("forks");
      for (JmhResult.Fork f : m.forks()) {
        forks.addObject().put("round", f.round()).put("score", f.score());
      }
    }
    return root;
  }

  private static void metric(ObjectNode pm, ForkStatistics.Interval ci, String unit, List<double[]> iterations) {
    pm.put("score", ci.estimate());
    pm.put("scoreError", Math.max(ci.high() - ci.estimate(), ci.estimate() - ci.low()));
    pm.putArray("scoreConfidence").add(ci.low()).add(ci.high());
    pm.put("scoreUnit", unit);
    ArrayNode raw = pm.putArray("rawData");
    for (double[] fork : iterations) {
      ArrayNode f = raw.addArray();
      Arrays.stream(fork).forEach(f::add);
    }
  }
}
