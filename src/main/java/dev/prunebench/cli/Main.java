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
      ReproduceCommand.class,
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
    cl.registerConverter(dev.prunebench.linalg.Backend.class, name -> {
      try {
        return dev.prunebench.linalg.Backend.parse(name);
      } catch (IllegalArgumentException e) {
        // picocli would wrap the message in "cannot convert ... (java.lang.IllegalArgumentException: ...)"
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    });
    // An empty --out (or any empty path) would mean the current directory: refused for every command.
    cl.registerConverter(java.nio.file.Path.class, new OutputOptions.NonBlankPath());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((ex, argv) -> {
      ex.getCommandLine().getErr().println(oneLineError(ex));
      ex.getCommandLine().getErr().flush();
      return 2;
    });
    // An I/O failure (e.g. an unwritable --out) is the user's to fix, not a bug: one line, exit 1.
    // Anything else keeps picocli's default (stack trace), because it is a bug worth a trace.
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": error: " + ex.getMessage());
        cmd.getErr().flush();
        return 1;
      }
      throw ex;
    });
    return cl;
  }

  /**
   * A bad option value as ONE line: the command, picocli's message (multi-line messages joined) and
   * where to get help, e.g. {@code prunebench nn: Invalid value for option '--backend': ... (see
   * 'prunebench nn --help')}.
   */
  static String oneLineError(CommandLine.ParameterException ex) {
    String name = ex.getCommandLine().getCommandSpec().qualifiedName();
    String msg = String.valueOf(ex.getMessage()).strip().replaceAll("\\s*\\R\\s*", "; ");
    return name + ": " + msg + " (see '" + name + " --help')";
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
