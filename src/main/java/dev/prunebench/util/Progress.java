package dev.prunebench.util;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The one rule for progress output: shown on an interactive terminal, quiet when output is redirected
 * (no console) and in CI (environment variable {@code CI} set), so logs stay readable and reports
 * stay byte-stable.
 */
public final class Progress {
  private Progress() {}

  /** Whether progress should be shown in this process. */
  public static boolean enabled() {
    return System.console() != null && System.getenv("CI") == null;
  }

  /**
   * A progress bar of {@code total} steps named {@code task}, or null when progress is not
   * {@link #enabled()} (callers test for null; the bar is {@link AutoCloseable}).
   */
  public static ProgressBar bar(String task, long total) {
    if (!enabled()) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250).build();
  }
}
