package dev.prunebench.cli;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.nn.NnConfig;
import dev.prunebench.nn.NnPartial;
import dev.prunebench.nn.NnReport;
import dev.prunebench.nn.NnSensitivity;
import dev.prunebench.report.ReportDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code prunebench nn --merge} and {@code --summarize}: reports assembled from parts that earlier runs
 * wrote (a study's shards; a sensitivity study's seed reports). A directory holding only such parts is
 * this command's own and is written into without {@code --force}; its parts are kept.
 */
final class NnParts {
  private NnParts() {}

  /** {@code --merge}: the shards' partial results into one report at {@code --out}. */
  static int merge(OutputOptions output, Path out, long seed, NnConfig cfg, LinearAlgebraBackend<?> b, List<Path> merge,
      PrintWriter outw, PrintWriter err) throws IOException {
    NnPartial.Merged m;
    try {
      m = NnPartial.merge(cfg, b.info(), merge);
    } catch (IllegalArgumentException e) {
      err.println("prunebench nn: " + e.getMessage());
      err.flush();
      return 1;
    }
    try (ReportDirectory report = output.open(out, seed, List.of(b.info().backend()), name -> name.equals("shards"),
        onlyParts(out, name -> name.equals("shards")))) {
      NnReport.write(m.results(), report.staging(), m.runs());
      report.commit();
    }
    outw.printf(Locale.ROOT, "nn: merged %d shard(s) into %s%n", m.runs().size(), out.resolve("README.md"));
    outw.flush();
    return 0;
  }

  /** {@code --summarize}: the seed reports of a sensitivity study into one summary at {@code --out}. */
  static int summarize(OutputOptions output, Path out, List<Path> summarize, PrintWriter outw, PrintWriter err)
      throws IOException {
    try (ReportDirectory report = output.open(out, null, List.of(), name -> false,
        onlyParts(out, name -> name.startsWith("seed-")))) {
      try {
        NnSensitivity.write(summarize, report.staging(), out);
      } catch (IllegalArgumentException e) {
        err.println("prunebench nn: " + e.getMessage());
        err.flush();
        return 1;
      }
      report.commit();
    }
    outw.printf(Locale.ROOT, "nn: sensitivity summary of %d seed(s) in %s%n", summarize.size(), out.resolve("README.md"));
    outw.flush();
    return 0;
  }

  /** Whether {@code dir} exists, has no report manifest and holds only entries {@code ours} accepts. */
  private static boolean onlyParts(Path dir, java.util.function.Predicate<String> ours) throws IOException {
    if (!java.nio.file.Files.isDirectory(dir) || java.nio.file.Files.exists(dir.resolve(ReportDirectory.MANIFEST))) {
      return false;
    }
    try (var s = java.nio.file.Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).allMatch(ours);
    }
  }

}
