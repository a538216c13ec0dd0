package dev.prunebench.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one file through a temporary file in the same directory and then moves it into place, so a
 * reader never sees a partial file. A whole report is replaced at once by {@link ReportDirectory},
 * which has its writers use this class inside its staging directory.
 *
 * <p>Temporary files are created with {@code CREATE_NEW} rather than {@link Files#createTempFile}, so
 * they get the usual mode {@code 0666 & ~umask} (0644 under umask 022) instead of 0600.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * A test hook: milliseconds to sleep after each file is written, so a test can kill the JVM in the
   * middle of a report's write phase. Unset (or 0) in production.
   */
  public static final String PAUSE_PROPERTY = "prunebench.test.pauseBetweenFilesMillis";

  /** Opens a new file for writing; replaced in tests to simulate a full disk. */
  @FunctionalInterface
  interface Opener {
    OutputStream open(Path newFile) throws IOException;
  }

  private static final Opener DEFAULT_OPENER = p -> Files.newOutputStream(p, StandardOpenOption.CREATE_NEW,
      StandardOpenOption.WRITE);
  private static volatile Opener opener = DEFAULT_OPENER;
  private static final AtomicLong COUNTER = new AtomicLong();

  /** Test hook: the opener every write uses; null restores the default. */
  static void useOpener(Opener o) {
    opener = o == null ? DEFAULT_OPENER : o;
  }

  /**
   * Writes through {@code body} into a temp file, then atomically replaces {@code target}.
   *
   * @throws IOException naming {@code target} (as the user knows it, see {@link ReportDirectory}) and
   *     the reason, e.g. "no space left on device"
   */
  public static void write(Path target, IoConsumer<OutputStream> body) throws IOException {
    ReportDirectory.requireNotAborted(target);
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
        + COUNTER.incrementAndGet() + ".tmp");
    try {
      Files.createDirectories(dir);
      try (OutputStream out = opener.open(tmp)) {
        body.accept(out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw describe(target, e);
    } finally {
      Files.deleteIfExists(tmp);
    }
    pauseForTests();
  }

  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  public static void writeBytes(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /**
   * One message naming the path (the target's, not the staging copy's) and the reason; a full disk
   * reads "no space left on device" whatever the JDK's wording.
   */
  static IOException describe(Path target, IOException e) {
    if (e instanceof DescribedIOException) {
      return e;
    }
    String reason = String.valueOf(e.getMessage());
    if (reason.toLowerCase(java.util.Locale.ROOT).contains("no space left")) {
      reason = "no space left on device";
    } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      reason = f.getReason();
    } else if (e instanceof java.nio.file.AccessDeniedException) {
      reason = "permission denied";
    }
    return new DescribedIOException("cannot write " + ReportDirectory.displayPath(target) + ": " + reason, e);
  }

  /** An I/O error whose message already names the path and reason. */
  static final class DescribedIOException extends IOException {
    DescribedIOException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static void pauseForTests() {
    long millis = Long.getLong(PAUSE_PROPERTY, 0L);
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Fails fast, before any computation, if {@code dir} cannot be created or written.
   *
   * @throws IOException naming the directory
   */
  public static void requireWritableDirectory(Path dir) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException("output directory " + dir + " cannot be created: " + e.getMessage(), e);
    }
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new IOException("output directory " + dir + " is not a writable directory");
    }
  }

  /** An {@link java.util.function.Consumer} that may throw {@link IOException}. */
  @FunctionalInterface
  public interface IoConsumer<T> {
    void accept(T t) throws IOException;
  }
}
