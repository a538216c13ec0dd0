package dev.prunebench.cli;

import dev.prunebench.linalg.Backend;
import dev.prunebench.report.ReportDirectory;
import dev.prunebench.report.ReportManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The output options every report-writing command shares ({@code --force}; each command keeps its own
 * {@code --out} with its own default) and the one way they open their {@code --out}: a
 * {@link ReportDirectory}, so a report is replaced as a whole or not at all. A refusal (not this
 * experiment's directory, another run writing it) is a usage error: one line, exit status 2, before
 * any computation.
 */
public final class OutputOptions {

  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--force", description = "Write into --out even if it holds something other than a previous "
      + "report of this experiment (its other files are kept; files with the report's names are replaced).")
  boolean force;

  /**
   * Opens {@code out} for this command's report, checked and locked before any work.
   *
   * @param seed the run's master seed (recorded in the manifest), or null
   * @param backends the backends the run uses (recorded with the OpenBLAS core type)
   * @param keep names a previous report owned that are kept unless rewritten (see {@link ReportDirectory#open})
   */
  ReportDirectory open(Path out, Long seed, List<Backend> backends, Predicate<String> keep) throws IOException {
    return open(out, seed, backends, keep, false);
  }

  /**
   * As {@link #open(Path, Long, List, Predicate)}; {@code ownParts}: {@code out} holds only parts this
   * command wrote itself (e.g. nn's {@code shards/} of the report it now merges), so it is opened as if
   * {@code --force} were given (its other contents are kept, never deleted).
   */
  ReportDirectory open(Path out, Long seed, List<Backend> backends, Predicate<String> keep, boolean ownParts)
      throws IOException {
    ReportManifest m = ReportManifest.start(mixee.name(), commandLine(), seed, backends, BenchCommand.gitCommit());
    try {
      return ReportDirectory.open(out, m, force || ownParts, keep);
    } catch (ReportDirectory.RefusedException e) {
      throw new ParameterException(mixee.commandLine(), "--out: " + e.getMessage());
    }
  }

  /** {@link #open(Path, Long, List, Predicate)} for a report that keeps nothing of its predecessor. */
  ReportDirectory open(Path out, Long seed, List<Backend> backends) throws IOException {
    return open(out, seed, backends, name -> false);
  }

  /** Opens {@code out} as a directory of reports written in place ({@code reproduce}). */
  ReportDirectory openInPlace(Path out, Long seed, List<Backend> backends) throws IOException {
    ReportManifest m = ReportManifest.start(mixee.name(), commandLine(), seed, backends, BenchCommand.gitCommit());
    try {
      return ReportDirectory.openInPlace(out, m, force);
    } catch (ReportDirectory.RefusedException e) {
      throw new ParameterException(mixee.commandLine(), "--out: " + e.getMessage());
    }
  }

  /** Checks, writing nothing, that {@code dir} may receive a report of {@code experiment}. */
  void check(Path dir, String experiment) throws IOException {
    try {
      ReportDirectory.check(dir, experiment, force);
    } catch (ReportDirectory.RefusedException e) {
      throw new ParameterException(mixee.commandLine(), "--out: " + e.getMessage());
    }
  }

  /** The command as typed, arguments with spaces quoted. */
  String commandLine() {
    // originalArgs() holds the whole command line, subcommand name first
    return "prunebench " + mixee.commandLine().getParseResult().originalArgs().stream()
        .map(a -> a.isEmpty() || a.matches(".*[\\s'\"].*") ? "'" + a.replace("'", "'\\''") + "'" : a)
        .collect(Collectors.joining(" "));
  }

  /**
   * Converts every {@link Path} option: an empty or blank value is rejected, because {@code Path.of("")}
   * is the current directory and a report written there overwrote the user's own files.
   */
  static final class NonBlankPath implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      if (value.isBlank()) {
        throw new CommandLine.TypeConversionException("an empty path is not allowed (use . for the current "
            + "directory)");
      }
      return Path.of(value);
    }
  }
}
