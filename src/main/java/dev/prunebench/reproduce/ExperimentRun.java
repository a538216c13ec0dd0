package dev.prunebench.reproduce;

/**
 * What happened to one experiment of a reproduction.
 *
 * @param experiment the experiment
 * @param status how it ended
 * @param exitCode its subcommand's exit code (-1 if it did not run)
 * @param seconds wall time
 * @param arguments the subcommand line it ran, for the index
 */
public record ExperimentRun(Experiment experiment, Status status, int exitCode, double seconds, String arguments) {

  /** How an experiment ended. */
  public enum Status {
    OK("ok"),
    FAILED("failed"),
    NOT_IN_THIS_BUILD("not in this build");

    private final String text;

    Status(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }
}
