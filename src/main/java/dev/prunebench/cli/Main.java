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
      CheckCommand.class,
      BenchCommand.class,
      CompareCommand.class,
      LinearCommand.class,
      NnCommand.class,
      Theorem43Command.class,
      ReproduceCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Main implements java.util.concurrent.Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * {@code --with JAR}: loads the {@link dev.prunebench.linalg.BackendProvider}s in a user's jar before the
   * subcommand's options are converted, so {@code --backend NAME} can name them.
   */
  @CommandLine.Option(names = "--with", paramLabel = "JAR",
      description = "Load backend providers from this jar (repeatable), e.g. --with my-backend.jar check --backend mine")
  void with(java.nio.file.Path jar) {
    try {
      dev.prunebench.linalg.Backend.loadJars(java.util.List.of(jar));
    } catch (IllegalArgumentException | java.util.ServiceConfigurationError e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

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
    // Every double option: NaN and ±Infinity are never a meaningful size, rate or bound.
    cl.registerConverter(Double.class, Main::finiteDouble);
    cl.registerConverter(Double.TYPE, Main::finiteDouble);
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
        java.io.IOException io = ex instanceof java.io.UncheckedIOException u ? u.getCause() : (java.io.IOException) ex;
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": error: " + describe(io));
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

  /**
   * An I/O failure as "path: reason". {@link java.nio.file.FileSystemException}s carry the path but, for
   * the common cases, no reason ({@code NoSuchFileException} says only the path), so the reason is
   * named from the exception type.
   */
  static String describe(java.io.IOException e) {
    if (e instanceof java.nio.file.FileSystemException fs) {
      String reason = fs.getReason() != null ? fs.getReason()
          : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
          : e instanceof java.nio.file.NotDirectoryException ? "not a directory"
          : e instanceof java.nio.file.DirectoryNotEmptyException ? "directory not empty"
          : e.getClass().getSimpleName();
      return fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": " + reason;
    }
    String msg = e.getMessage();
    // A wrapped file-system error (e.g. "output directory X cannot be created: Y") keeps its own text
    // but gains the reason of its cause when the cause's message is only a path.
    if (e.getCause() instanceof java.nio.file.FileSystemException fs && msg != null
        && !msg.contains(describe(fs))) {
      return msg + " (" + describe(fs) + ")";
    }
    return msg == null ? e.getClass().getSimpleName() : msg;
  }

  /** A decimal number that is finite (NaN and Infinity are refused with the value in the message). */
  static Double finiteDouble(String value) {
    double d;
    try {
      d = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a number");
    }
    if (!Double.isFinite(d)) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a finite number");
    }
    return d;
  }

  /** {@code prunebench} without a command: the usage on stderr and exit status 2 (a usage error). */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("prunebench: missing command");
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().flush();
    return 2;
  }
}
