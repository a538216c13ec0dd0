package dev.prunebench.nn;

import dev.prunebench.report.Csv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a partial ({@link NnPartial}) holds about one (η, λ) unit, read back from its CSVs: the
 * Figure-2 row with its training history, and the unit's pruning and survival rows in the order
 * {@link PruningExperiment} produced them.
 */
record NnUnitData(NnShard.Unit unit, LambdaSweep.Row row, List<PruningExperiment.Row> pruning,
    List<PruningExperiment.Survival> survival) {

  /** The units of the partial in {@code dir}, in the partial's order. */
  static List<NnUnitData> read(Path dir) throws IOException {
    Map<NnShard.Unit, List<EpochStats>> history = new LinkedHashMap<>();
    for (List<String> c : body(dir.resolve("history.csv"))) {
      history.computeIfAbsent(unit(c), u -> new ArrayList<>()).add(new EpochStats(Integer.parseInt(c.get(2)),
          d(c.get(3)), d(c.get(4))));
    }
    Map<NnShard.Unit, List<PruningExperiment.Row>> pruning = new LinkedHashMap<>();
    for (List<String> c : body(dir.resolve("pruning.csv"))) {
      pruning.computeIfAbsent(unit(c), u -> new ArrayList<>()).add(new PruningExperiment.Row(d(c.get(0)),
          PruningScope.valueOf(c.get(1).toUpperCase(Locale.ROOT)), kind(c.get(2)), d(c.get(3)), d(c.get(4)),
          Long.parseLong(c.get(5)), Long.parseLong(c.get(6)), d(c.get(7)), d(c.get(8)), d(c.get(9)), d(c.get(10)),
          Integer.parseInt(c.get(11)), Boolean.parseBoolean(c.get(12)), Boolean.parseBoolean(c.get(13))));
    }
    Map<NnShard.Unit, List<PruningExperiment.Survival>> survival = new LinkedHashMap<>();
    for (List<String> c : body(dir.resolve("survival.csv"))) {
      survival.computeIfAbsent(unit(c), u -> new ArrayList<>()).add(new PruningExperiment.Survival(d(c.get(0)),
          PruningScope.valueOf(c.get(1).toUpperCase(Locale.ROOT)), kind(c.get(2)), d(c.get(3)), d(c.get(4)),
          d(c.get(5)), d(c.get(6))));
    }
    List<NnUnitData> out = new ArrayList<>();
    for (List<String> c : body(dir.resolve("sweep.csv"))) {
      NnShard.Unit u = new NnShard.Unit(d(c.get(0)), d(c.get(1)));
      LambdaSweep.Row row = new LambdaSweep.Row(u.learningRate(), u.lambda(), Integer.parseInt(c.get(2)),
          Boolean.parseBoolean(c.get(3)), new Evaluation(d(c.get(4)), d(c.get(5)), d(c.get(6))),
          new Evaluation(d(c.get(7)), d(c.get(8)), d(c.get(9))), totals(c, 10), totals(c, 12), totals(c, 14),
          totals(c, 16), totals(c, 18), totals(c, 20), totals(c, 22), totals(c, 24), d(c.get(26)),
          Boolean.parseBoolean(c.get(27)), history.getOrDefault(u, List.of()),
          new WeightChange(d(c.get(28)), d(c.get(29))));
      out.add(new NnUnitData(u, row, pruning.getOrDefault(u, List.of()), survival.getOrDefault(u, List.of())));
    }
    return out;
  }

  /** The data rows of a CSV, header dropped. */
  private static List<List<String>> body(Path file) throws IOException {
    List<List<String>> rows = Csv.read(file);
    return rows.subList(1, rows.size());
  }

  /** Histories lead with (η, λ); pruning and survival rows with η, then λ in column 3. */
  private static NnShard.Unit unit(List<String> c) {
    return c.size() == 5 ? new NnShard.Unit(d(c.get(0)), d(c.get(1))) : new NnShard.Unit(d(c.get(0)), d(c.get(3)));
  }

  private static ImportanceKind kind(String label) {
    for (ImportanceKind k : ImportanceKind.values()) {
      if (k.name().equalsIgnoreCase(label)) {
        return k;
      }
    }
    throw new IllegalArgumentException("method must be one of the importance kinds, got '" + label + "'");
  }

  private static LayerTotals totals(List<String> c, int i) {
    return new LayerTotals(d(c.get(i)), d(c.get(i + 1)));
  }

  private static double d(String s) {
    return Double.parseDouble(s);
  }
}
