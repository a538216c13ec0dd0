package dev.prunebench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The lock of one output directory: a file {@code .NAME.lock} beside it holding the owner's pid and
 * process start time. Created with {@code CREATE_NEW}, so of two runs into the same {@code --out}
 * exactly one gets it; the other is refused at start. A lock whose process is gone (SIGKILL, power
 * loss) is stale and taken over: the pid is looked up with {@link ProcessHandle#of} and its start
 * time compared, so a recycled pid does not keep a dead run's lock alive.
 */
final class ReportLock implements AutoCloseable {
  private final Path file;
  private final String content;
  private boolean released;

  private ReportLock(Path file, String content) {
    this.file = file;
    this.content = content;
  }

  /** Who holds a lock: the text of its file, e.g. "pid 4242 started 2026-12-01T19:30:00Z". */
  record Holder(long pid, String started) {
    String describe() {
      return "pid " + pid + ", started " + started;
    }

    /** Whether that process is still running (same pid and, when known, the same start time). */
    boolean alive() {
      Optional<ProcessHandle> h = ProcessHandle.of(pid);
      if (h.isEmpty() || !h.get().isAlive()) {
        return false;
      }
      return h.get().info().startInstant().map(s -> s.toString().equals(started)).orElse(true);
    }
  }

  /** Thrown when a live process holds the lock. */
  static final class HeldException extends Exception {
    final Holder holder;

    HeldException(Holder holder) {
      super(holder.describe());
      this.holder = holder;
    }
  }

  /** The lock file of {@code target}: {@code .NAME.lock} in its parent directory. */
  static Path fileFor(Path target) {
    return target.getParent().resolve("." + target.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code target}, taking over a stale one.
   *
   * @throws HeldException when a running process holds it
   */
  static ReportLock acquire(Path target) throws IOException, HeldException {
    Path file = fileFor(target);
    ProcessHandle me = ProcessHandle.current();
    String started = me.info().startInstant().map(Instant::toString).orElse("unknown");
    String content = "pid " + me.pid() + " started " + started + "\n";
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        Files.write(file, content.getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        return new ReportLock(file, content);
      } catch (FileAlreadyExistsException e) {
        String existing;
        try {
          existing = Files.readString(file);
        } catch (NoSuchFileException gone) {
          continue; // released between our two calls: try again
        }
        Holder h = parse(existing);
        if (h != null && h.alive()) {
          throw new HeldException(h);
        }
        takeOver(file, existing);
      }
    }
    throw new IOException("cannot take the lock " + file + ": it keeps changing hands");
  }

  /**
   * Removes a stale lock. It is first renamed to a name only we use, so of two runs taking over the
   * same stale lock only one removes it; if what we renamed is not the stale lock we read (another run
   * took it over in between), it is put back.
   */
  private static void takeOver(Path file, String staleContent) throws IOException {
    Path mine = file.resolveSibling(file.getFileName() + ".stale-" + ProcessHandle.current().pid());
    try {
      Files.move(file, mine, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return;
    }
    if (Files.readString(mine).equals(staleContent)) {
      Files.delete(mine);
    } else {
      try {
        Files.move(mine, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        Files.delete(mine);
      }
    }
  }

  /** The running process (other than this one) that holds {@code target}'s lock, or null. */
  static Holder liveHolder(Path target) throws IOException {
    try {
      Holder h = parse(Files.readString(fileFor(target)));
      return h != null && h.pid() != ProcessHandle.current().pid() && h.alive() ? h : null;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static Holder parse(String text) {
    String[] w = text.trim().split("\\s+");
    if (w.length == 4 && w[0].equals("pid") && w[2].equals("started")) {
      try {
        return new Holder(Long.parseLong(w[1]), w[3]);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Removes the lock file if it is still ours. Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (released) {
      return;
    }
    released = true;
    try {
      if (Files.readString(file).equals(content)) {
        Files.delete(file);
      }
    } catch (NoSuchFileException e) {
      // already gone
    }
  }
}
