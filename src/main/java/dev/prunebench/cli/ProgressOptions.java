package dev.prunebench.cli;

import dev.prunebench.util.Progress;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --progress=auto|bar|log|none}, shared by every long command ({@code reproduce}, {@code linear},
 * {@code nn}, {@code theorem43}, {@code bench}, {@code accuracy}) as a picocli mixin; see {@link Progress}
 * for what each mode prints (always on stderr).
 */
public final class ProgressOptions {

  @Option(names = "--progress", defaultValue = "auto", paramLabel = "MODE",
      description = "Progress on stderr: ${COMPLETION-CANDIDATES}. auto = a bar when stderr is a terminal, "
          + "otherwise log lines (stage, done/total, elapsed, ETA) at every stage and at least every 30 s; "
          + "CI=true means log.")
  Progress.Mode mode;

  /** Older spelling of {@code --progress none}, kept so that existing scripts keep working. */
  @Option(names = "--no-progress", hidden = true, description = "Same as --progress none.")
  boolean none;

  /** The requested mode. */
  public Progress.Mode mode() {
    return none ? Progress.Mode.NONE : mode;
  }

  /** Opens progress for {@code task} on {@code err}. */
  public Progress open(String task, PrintWriter err) {
    return Progress.open(task, mode(), err);
  }
}
