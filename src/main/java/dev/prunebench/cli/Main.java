package dev.prunebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code prunebench} command line. Each experiment or tool is one subcommand; see
 * {@code prunebench --help}.
 */
@Command(
    name = "prunebench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Linear-algebra backends, JMH benchmarks and a reproduction of 'Exploring Weight "
        + "Importance and Hessian Bias in Model Pruning' (Li, Sattar, Thrampoulidis, Oymak 2020).",
    subcommands = {
      BackendsCommand.class,
      AccuracyCommand.class,
      BenchCommand.class,
      CompareCommand.class,
      LinearCommand.class,
      NnCommand.class,
      Theorem43Command.class,
      CommandLine.HelpCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (2 for a bad option value). */
  public static int run(String... args) {
    // Charts are rendered to files; never try to open a display.
    System.setProperty("java.awt.headless", "true");
    return commandLine().execute(args);
  }

  /** The configured picocli command line (shared converters, exit codes, help defaults). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.registerConverter(dev.prunebench.linalg.Backend.class, dev.prunebench.linalg.Backend::parse);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((ex, argv) -> {
      ex.getCommandLine().getErr().println("error: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
          + " --help' for usage.");
      return 2;
    });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
