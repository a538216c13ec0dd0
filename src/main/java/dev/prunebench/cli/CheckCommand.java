package dev.prunebench.cli;

import dev.prunebench.accuracy.AccuracyBaseline;
import dev.prunebench.accuracy.AccuracyRow;
import dev.prunebench.accuracy.AccuracyTable;
import dev.prunebench.contract.ContractKit;
import dev.prunebench.contract.GroupVerdict;
import dev.prunebench.linalg.Backend;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench check --backend NAME}: judges one backend — built in, or loaded from a user's jar with
 * {@code prunebench --with my.jar} — by the contract suite (the kit's JUnit classes run in-process, see
 * {@link ContractKit}), the benchmark sanity checks and the accuracy table against its thresholds (and
 * against the committed baseline's rows where the backend has some). Prints one verdict per group with
 * its worst measured {@code error / tolerance}; exit 0 only when every group passes.
 */
@Command(name = "check", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Run the contract suite, the benchmark sanity checks and the accuracy table on one backend.",
      "A backend of your own: prunebench --with my-backend.jar check --backend mine (see README)."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:every group passed", "1:a group failed (named, with its first failing check)",
      "2:bad arguments, an unavailable backend, or no contract kit (checked before running anything)"})
public final class CheckCommand implements Callable<Integer> {
  /** The accuracy group's name in {@code --groups}. */
  static final String ACCURACY = "accuracy";

  @Spec CommandSpec spec;

  @Option(names = "--backend", required = true, description = "The backend to judge (see 'prunebench backends').")
  Backend backend;

  @Option(names = "--groups", split = ",", description = "Only these groups (test class names, or 'accuracy'); "
      + "default: all.")
  List<String> groups;

  @Option(names = "--kit", description = "The contract kit (default: target/prunebench-VERSION-tests.jar of the "
      + "project).")
  Path kit;

  @Option(names = "--seed", defaultValue = "" + AccuracyCommand.DEFAULT_SEED,
      description = "Seed of the accuracy table's matrices.")
  long seed;

  @Override
  public Integer call() throws IOException {
    if (!backend.availability().available()) {
      throw Validation.invalid(spec, "--backend", "is invalid: " + backend.cliName() + " is unavailable here: "
          + backend.availability().reason());
    }
    ContractKit contracts;
    try {
      contracts = ContractKit.open(kitPath());
    } catch (IllegalArgumentException e) {
      throw Validation.invalid(spec, "--kit", "is invalid: " + e.getMessage());
    }
    List<String> contractGroups = new ArrayList<>();
    boolean accuracy = groups == null;
    if (groups != null) {
      Set<String> known = contracts.groups();
      for (String g : groups) {
        if (g.equals(ACCURACY)) {
          accuracy = true;
        } else if (known.contains(g)) {
          contractGroups.add(g);
        } else {
          throw Validation.invalid(spec, "--groups", "is invalid: unknown group '" + g + "'; valid groups: "
              + String.join(", ", known) + ", " + ACCURACY);
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("checking " + backend.cliName() + " (" + backend.library() + "; " + backend.provider().description()
        + ") ...");
    out.flush();
    List<GroupVerdict> verdicts = new ArrayList<>();
    if (groups == null || !contractGroups.isEmpty()) {
      Path evidence = Files.createTempDirectory("prunebench-check");
      verdicts.addAll(contracts.run(backend, contractGroups, evidence));
      try (Stream<Path> s = Files.list(evidence)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(evidence);
    }
    if (accuracy) {
      verdicts.add(accuracy());
    }
    return print(out, verdicts);
  }

  private Path kitPath() {
    if (kit != null) {
      return kit;
    }
    Path target = ProjectHome.directory().map(d -> d.resolve("target")).orElse(Path.of("target"));
    try (Stream<Path> s = Files.list(target)) {
      return s.filter(p -> p.getFileName().toString().matches("prunebench-.*-tests\\.jar")).findFirst()
          .orElse(target.resolve("prunebench-VERSION-tests.jar"));
    } catch (IOException e) {
      return target.resolve("prunebench-VERSION-tests.jar");
    }
  }

  /**
   * The accuracy table on this backend: every ratio within its threshold, and, where the committed
   * baseline has rows for the backend, no ratio grown more than the baseline allows and no row missing.
   */
  private GroupVerdict accuracy() throws IOException {
    List<AccuracyRow> rows = AccuracyTable.measure(List.of(backend), seed);
    List<AccuracyRow> accepted = rows;
    try {
      List<AccuracyRow> committed = AccuracyBaseline.read(ProjectHome.accuracyBaseline()).stream()
          .filter(r -> r.backend().equals(backend.cliName())).toList();
      accepted = committed.isEmpty() ? rows : committed;
    } catch (IOException | IllegalStateException e) {
      // no committed baseline here (a jar outside the checkout): the thresholds alone judge
    }
    List<AccuracyBaseline.Violation> v = AccuracyBaseline.check(rows, accepted);
    double worst = 0;
    String where = "";
    for (AccuracyRow r : rows) {
      double q = Double.isNaN(r.threshold()) ? 0 : r.ratio() / r.threshold();
      if (Double.isNaN(q) || q > worst) {
        worst = q;
        where = r.kernel() + " / " + r.matrixClass() + " " + r.rows() + "x" + r.cols() + " / " + r.metric();
      }
    }
    return new GroupVerdict(ACCURACY, v.isEmpty() ? rows.size() : rows.size() - v.size(), v.size(), 0, worst,
        where, v.isEmpty() ? "" : v.get(0).kind().label() + ": " + v.get(0).message());
  }

  private static int print(PrintWriter out, List<GroupVerdict> verdicts) {
    out.printf(Locale.ROOT, "%-34s %7s %6s %7s  %-11s %s%n", "group", "passed", "failed", "skipped",
        "worst ratio", "verdict");
    boolean all = true;
    for (GroupVerdict g : verdicts) {
      all &= g.pass();
      out.printf(Locale.ROOT, "%-34s %7d %6d %7d  %-11s %s%n", g.group(), g.passed(), g.failed(), g.skipped(),
          Double.isNaN(g.worstRatio()) ? "-" : String.format(Locale.ROOT, "%.3g", g.worstRatio()),
          g.pass() ? "PASS" : "FAIL");
      if (!g.worstWhere().isEmpty()) {
        out.printf("%-34s   worst at: %s%n", "", g.worstWhere());
      }
      if (!g.firstFailure().isEmpty()) {
        out.printf("%-34s   first failure: %s%n", "", g.firstFailure());
      }
    }
    out.println(all ? "check passed: every group within its contract"
        : "check FAILED: " + verdicts.stream().filter(g -> !g.pass()).map(GroupVerdict::group).toList());
    out.flush();
    return all ? 0 : 1;
  }
}
