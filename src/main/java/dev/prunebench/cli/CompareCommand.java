package dev.prunebench.cli;

import dev.prunebench.report.AtomicFiles;
import dev.prunebench.report.bench.JmhComparison;
import dev.prunebench.report.bench.JmhResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench compare OLD.json NEW.json}: a Markdown table per benchmark; exit status 1 when a
 * regression is flagged (see {@link JmhComparison} for the rule), so CI can gate on it.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Compare two JMH JSON result files and flag regressions.",
      "A regression needs disjoint 99.9%% confidence intervals AND new/old worse than 1 + threshold.",
      "Exit status: 0 no regression, 1 regression flagged, 2 bad arguments."})
public final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "Baseline JMH JSON file (e.g. from main).")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "Candidate JMH JSON file (e.g. from a branch).")
  Path newFile;

  @Option(names = "--threshold", defaultValue = "0.10",
      description = "Relative slow-down that counts as a regression (0.10 = 10%%).")
  double threshold;

  @Option(names = "--out", description = "Also write the Markdown report to this file.")
  Path out;

  @Override
  public Integer call() throws IOException {
    JmhComparison comparison;
    try {
      comparison = new JmhComparison(threshold);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: --threshold: " + e.getMessage());
      return 2;
    }
    List<JmhComparison.Row> rows;
    try {
      rows = comparison.compare(JmhResults.read(oldFile), JmhResults.read(newFile));
    } catch (IOException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
    String md = comparison.toMarkdown(rows);
    spec.commandLine().getOut().print(md);
    spec.commandLine().getOut().flush();
    if (out != null) {
      AtomicFiles.writeString(out, md);
    }
    return JmhComparison.anyRegression(rows) ? 1 : 0;
  }
}
