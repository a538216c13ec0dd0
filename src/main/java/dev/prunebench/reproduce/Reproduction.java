package dev.prunebench.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the experiments of a {@link ReproduceConfig} in order through their subcommands and times
 * each one. It checks every output directory before running anything, so an unwritable
 * {@code --out} fails in milliseconds rather than after the first experiment.
 */
public final class Reproduction {
  private Reproduction() {}

  /** How an experiment's subcommand is run (the command line in production, a fake in tests). */
  public interface CommandRunner {
    /** Whether this build has the subcommand {@code name}. */
    boolean has(String name);

    /** Runs {@code arguments} (subcommand first) and returns its exit code. */
    int run(List<String> arguments);
  }

  /**
   * Fails fast, creating nothing, if {@code c.out()} could not receive the experiments' directories:
   * it, or the nearest ancestor that exists, must be a writable directory (each experiment's
   * directory is then created and replaced by its own command, see {@code ReportDirectory}).
   *
   * @throws IOException naming the directory
   */
  public static void requireWritableOutputs(ReproduceConfig c) throws IOException {
    Path dir = c.out().toAbsolutePath().normalize();
    while (dir.getParent() != null && !Files.exists(dir)) {
      dir = dir.getParent();
    }
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new IOException("output directory " + c.out() + " cannot be created or written ("
          + dir + " is not a writable directory)");
    }
  }

  /**
   * Runs every selected experiment; a failing one is recorded and the others still run.
   *
   * @param committedBaseline accuracy baseline to check against (never updated); required when the
   *     accuracy experiment runs
   * @param log progress lines ("[2/4] nn ...")
   */
  public static List<ExperimentRun> run(ReproduceConfig c, CommandRunner runner, Path committedBaseline,
      PrintWriter log) throws IOException {
    requireWritableOutputs(c);
    List<Experiment> todo = Experiment.selected(c);
    List<ExperimentRun> runs = new ArrayList<>();
    for (int i = 0; i < todo.size(); i++) {
      Experiment e = todo.get(i);
      List<String> args = e.arguments(c, committedBaseline);
      String line = "prunebench " + String.join(" ", args);
      if (!runner.has(e.command())) {
        log.printf(Locale.ROOT, "[%d/%d] %s: not in this build, skipped%n", i + 1, todo.size(), e.command());
        log.flush();
        runs.add(new ExperimentRun(e, ExperimentRun.Status.NOT_IN_THIS_BUILD, -1, 0, line));
        continue;
      }
      log.printf(Locale.ROOT, "[%d/%d] %s%n", i + 1, todo.size(), line);
      log.flush();
      long t0 = System.nanoTime();
      int code = runner.run(args);
      double secs = (System.nanoTime() - t0) / 1e9;
      log.printf(Locale.ROOT, "[%d/%d] %s: %s in %.1f s%n", i + 1, todo.size(), e.command(),
          code == 0 ? "done" : "FAILED (exit " + code + ")", secs);
      log.flush();
      runs.add(new ExperimentRun(e, code == 0 ? ExperimentRun.Status.OK : ExperimentRun.Status.FAILED, code, secs,
          line));
    }
    return runs;
  }
}
