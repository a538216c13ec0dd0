package dev.prunebench.util;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The one rule for progress output, always on stderr (never stdout, never a report file), in the form
 * that fits where stderr goes:
 *
 * <ul>
 *   <li>{@link Mode#BAR}: a redrawn progress bar, for a person at a terminal;
 *   <li>{@link Mode#LOG}: plain timestamped lines ({@code 2026-12-01T19:40:00Z nn: λ sweep 3/6, elapsed
 *       1m02s, ETA 1m02s (lr=0.01 λ=8, epoch 12)}) at every stage change and at most every
 *       {@link #LOG_INTERVAL} otherwise, so a CI log with a no-output timeout is never silent for long
 *       (Maven's {@code -B} style);
 *   <li>{@link Mode#NONE}: nothing;
 *   <li>{@link Mode#AUTO}: BAR when stderr is a terminal, LOG otherwise and whenever {@code CI=true}.
 * </ul>
 *
 * <p>A long phase without completed steps (one long training) reports through {@link #tick}, which
 * only refreshes the detail and lets the rate limit decide whether a line is due. Thread-safe.
 */
public final class Progress implements AutoCloseable {

  /** What {@code --progress} accepts. */
  public enum Mode { AUTO, BAR, LOG, NONE }

  /** Longest gap between two log lines while work is reported (half of a one-minute CI watchdog). */
  public static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

  private final String task;
  private final Mode mode;
  private final PrintWriter err;
  private final Clock clock;
  private final Instant start;
  private String stage = "";
  private long total;
  private long done;
  private String detail = "";
  private Instant stageStart;
  private Instant lastLine;
  private ProgressBar bar;

  private Progress(String task, Mode resolved, PrintWriter err, Clock clock) {
    if (resolved == Mode.AUTO) {
      throw new IllegalArgumentException("mode: resolve AUTO first");
    }
    this.task = task;
    this.mode = resolved;
    this.err = err;
    this.clock = clock;
    this.start = clock.instant();
    this.stageStart = start;
    this.lastLine = start;
  }

  /** Progress for {@code task} in the requested mode, on this process's environment and stderr. */
  public static Progress open(String task, Mode requested, PrintWriter err) {
    return create(task, resolve(requested, System.getenv(), stderrIsTerminal()), err, Clock.systemUTC());
  }

  /** Progress in an already resolved mode (BAR, LOG or NONE) with an explicit clock (tests). */
  public static Progress create(String task, Mode resolved, PrintWriter err, Clock clock) {
    return new Progress(task, resolved, err, clock);
  }

  /** Reports nothing. */
  public static Progress none() {
    return new Progress("", Mode.NONE, null, Clock.systemUTC());
  }

  /**
   * The effective mode: an explicit BAR, LOG or NONE is kept; AUTO is LOG when {@code CI=true} (any case),
   * otherwise BAR on a terminal and LOG elsewhere. {@code CI=false} (or any other value) changes nothing.
   */
  public static Mode resolve(Mode requested, Map<String, String> env, boolean stderrIsTerminal) {
    if (requested != Mode.AUTO) {
      return requested;
    }
    if ("true".equalsIgnoreCase(env.getOrDefault("CI", "").trim())) {
      return Mode.LOG;
    }
    return stderrIsTerminal ? Mode.BAR : Mode.LOG;
  }

  /**
   * Whether file descriptor 2 is a terminal. {@code System.console()} answers for stdin and stdout, so
   * {@code | tee} would lose the bar; on Linux {@code /proc/self/fd/2} names the device stderr is
   * connected to ({@code /dev/pts/N} or {@code /dev/ttyN} for a terminal). Without {@code /proc} the
   * console is the best available guess.
   */
  public static boolean stderrIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      String target = Files.readSymbolicLink(fd2).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /** The resolved mode. */
  public Mode mode() {
    return mode;
  }

  /** Starts a stage of {@code total} steps; a log line is written at once. */
  public synchronized void stage(String name, long stageTotal) {
    stage = name;
    total = stageTotal;
    done = 0;
    detail = "";
    stageStart = clock.instant();
    switch (mode) {
      case LOG -> line();
      case BAR -> {
        if (bar != null) {
          bar.close();
        }
        bar = new ProgressBarBuilder().setTaskName(task + ": " + name).setInitialMax(stageTotal)
            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build();
      }
      default -> { }
    }
  }

  /** One step of the current stage is done; {@code what} describes it. */
  public synchronized void step(String what) {
    done++;
    detail = what;
    report();
  }

  /** Work goes on inside the current step ({@code what}, e.g. an epoch); nothing is counted. */
  public synchronized void tick(String what) {
    detail = what;
    report();
  }

  private void report() {
    if (mode == Mode.LOG) {
      if (!clock.instant().isBefore(lastLine.plus(LOG_INTERVAL))) {
        line();
      }
    } else if (mode == Mode.BAR && bar != null) {
      bar.stepTo(done);
      bar.setExtraMessage(detail);
    }
  }

  private void line() {
    Instant now = clock.instant();
    lastLine = now;
    Duration inStage = Duration.between(stageStart, now);
    String eta = done > 0 && done <= total ? duration(inStage.multipliedBy(total - done).dividedBy(done)) : "?";
    err.printf(Locale.ROOT, "%s %s: %s %d/%d, elapsed %s, ETA %s%s%n", now.truncatedTo(ChronoUnit.SECONDS), task,
        stage, done, total, duration(Duration.between(start, now)), eta, detail.isEmpty() ? "" : " (" + detail + ")");
    err.flush();
  }

  /** {@code 1h02m03s}, {@code 2m03s} or {@code 3s}. */
  static String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s % 3600 / 60, s % 60);
    }
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }

  /** Ends the output: the bar is closed; in LOG mode a final line says the task is done. */
  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
    if (mode == Mode.LOG) {
      Instant now = clock.instant();
      err.printf(Locale.ROOT, "%s %s: finished in %s%n", now.truncatedTo(ChronoUnit.SECONDS), task,
          duration(Duration.between(start, now)));
      err.flush();
    }
  }
}
