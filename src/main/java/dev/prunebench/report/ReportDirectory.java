package dev.prunebench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One report directory ({@code --out}), replaced as a whole or not at all.
 *
 * <p>Life cycle: {@link #open} refuses a target that is neither new, empty nor a previous report of
 * the same experiment (recognised by its {@value #MANIFEST}), takes the target's {@link ReportLock},
 * removes what a killed earlier run left beside it, and creates the staging directory
 * {@code .NAME.staging-PID} beside the target (same file system, so the swap is a rename). The report
 * is written into {@link #staging()}; {@link #commit()} writes the manifest, carries over what the
 * report does not own (see {@link ReportManifest#files()}), then swaps: target renamed aside to
 * {@code .NAME.old-PID}, staging renamed to the target, the old one deleted. {@link #close()} without a
 * commit, an exception, SIGTERM or SIGINT (a shutdown hook) delete the staging directory and leave the
 * previous report byte-identical. After SIGKILL the next run into the same target deletes the stale
 * staging directory without reading it, and restores an old report renamed aside if the kill fell
 * between the two renames.
 *
 * <p>Everything is created with the process umask (directories 0755 and files 0644 under umask 022).
 */
public final class ReportDirectory implements AutoCloseable {
  /** The manifest file name in every report directory. */
  public static final String MANIFEST = ".prunebench-report.json";

  private static final Map<Path, ReportDirectory> OPEN = new ConcurrentHashMap<>();
  private static final Set<Path> ABORTED = ConcurrentHashMap.newKeySet();

  private final Path target;
  private final Path staging;
  private final Path aside;
  private final ReportManifest manifest;
  private final Predicate<String> keep;
  private final ReportLock lock;
  private final Path createdAncestor;
  private final Thread hook;
  private final boolean inPlace;
  /** When the report was opened: the run's start, for the wall and CPU time of the provenance section. */
  private final long openedNanos = System.nanoTime();
  private final double openedCpuSeconds = processCpuSeconds();
  private boolean committed;
  private boolean closed;

  /** The target cannot be used; the message says why and names one offending file. */
  public static final class RefusedException extends Exception {
    RefusedException(String message) {
      super(message);
    }
  }

  private ReportDirectory(Path target, ReportManifest manifest, Predicate<String> keep, ReportLock lock,
      Path createdAncestor, boolean inPlace) {
    this.inPlace = inPlace;
    this.target = target;
    this.manifest = manifest;
    this.keep = keep;
    this.lock = lock;
    this.createdAncestor = createdAncestor;
    long pid = ProcessHandle.current().pid();
    this.staging = inPlace ? target : sibling(target, "staging-" + pid);
    this.aside = sibling(target, "old-" + pid);
    this.hook = new Thread(this::abortOnShutdown, "prunebench-report-abort");
  }

  /**
   * Opens {@code out} for a new report of {@code manifest.experiment()}.
   *
   * @param force write even into a directory that holds no report of this experiment (its other files
   *     are kept; files with the report's names are replaced)
   * @param keep names in a previous report that are kept unless this run writes them again even though
   *     that report owned them (accuracy's {@code baseline.csv}, bench's dated JSON results)
   * @throws RefusedException when the target is not this experiment's, or another run is writing it
   */
  public static ReportDirectory open(Path out, ReportManifest manifest, boolean force, Predicate<String> keep)
      throws IOException, RefusedException {
    return open(out, manifest, force, keep, false);
  }

  /**
   * Opens {@code out} to be written in place, for a directory of reports ({@code reproduce}'s OUT):
   * each experiment below it is its own {@link ReportDirectory}, replaced whole when that experiment
   * finishes; the caller writes its index file itself (one atomic file). It takes the same lock and
   * makes the same checks; {@link #commit()} only writes the manifest.
   */
  public static ReportDirectory openInPlace(Path out, ReportManifest manifest, boolean force)
      throws IOException, RefusedException {
    return open(out, manifest, force, name -> true, true);
  }

  private static ReportDirectory open(Path out, ReportManifest manifest, boolean force, Predicate<String> keep,
      boolean inPlace) throws IOException, RefusedException {
    Path target = absolute(out);
    Path ancestor = ReportTree.firstMissing(inPlace ? target : target.getParent());
    ReportLock lock;
    try {
      Files.createDirectories(target.getParent());
      lock = ReportLock.acquire(target);
    } catch (IOException e) {
      ReportTree.deleteEmptyAncestors(inPlace ? target : target.getParent(), ancestor);
      throw ReportTree.unwritable(out, e);
    } catch (ReportLock.HeldException e) {
      ReportTree.deleteEmptyAncestors(inPlace ? target : target.getParent(), ancestor);
      throw busy(out, e.holder);
    }
    try {
      ReportTree.cleanStale(target);
      checkContents(out, target, manifest.experiment(), force);
      ReportDirectory d = new ReportDirectory(target, manifest, keep, lock, ancestor, inPlace);
      try {
        Files.createDirectories(d.staging);
      } catch (IOException e) {
        throw ReportTree.unwritable(out, e);
      }
      ABORTED.remove(d.staging);
      OPEN.put(d.staging, d);
      Runtime.getRuntime().addShutdownHook(d.hook);
      return d;
    } catch (IOException | RefusedException | RuntimeException e) {
      lock.close();
      ReportTree.deleteEmptyAncestors(inPlace ? target : target.getParent(), ancestor);
      throw e;
    }
  }

  /**
   * Checks, without writing anything, that {@code out} may receive a report of {@code experiment}: it
   * does not exist, is an empty directory, or holds that experiment's manifest; and no running process
   * holds its lock.
   */
  public static void check(Path out, String experiment, boolean force) throws IOException, RefusedException {
    Path target = absolute(out);
    ReportLock.Holder holder = ReportLock.liveHolder(target);
    if (holder != null) {
      throw busy(out, holder);
    }
    checkContents(out, target, experiment, force);
  }

  private static RefusedException busy(Path out, ReportLock.Holder holder) {
    return new RefusedException(out + " is being written by another prunebench run (" + holder.describe()
        + "); wait for it to finish or choose another --out");
  }

  private static void checkContents(Path out, Path target, String experiment, boolean force)
      throws IOException, RefusedException {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new RefusedException(out + " exists and is not a directory");
    }
    if (force) {
      return;
    }
    ReportManifest old;
    try {
      old = ReportManifest.read(target);
    } catch (IOException e) {
      throw new RefusedException(e.getMessage() + "; choose another --out, or add --force");
    }
    if (old != null && !old.experiment().equals(experiment)) {
      throw new RefusedException(out + " holds a prunebench " + old.experiment() + " report, not " + experiment
          + "; choose another --out, or add --force");
    }
    if (old == null) {
      try (Stream<Path> s = Files.list(target)) {
        String foreign = s.map(p -> p.getFileName().toString()).sorted().findFirst().orElse(null);
        if (foreign != null) {
          throw new RefusedException(out + " is not empty and holds no prunebench " + experiment + " report ("
              + MANIFEST + " missing), e.g. " + target.resolve(foreign) + "; choose another --out, or add --force "
              + "to write into it (its other files are kept)");
        }
      }
    }
  }

  /** Where the report is written until {@link #commit()}. */
  public Path staging() {
    return staging;
  }

  /** The report directory as the user named it, absolute. */
  public Path target() {
    return target;
  }

  /**
   * Completes the report (manifest, provenance section in {@code README.md}, carried-over files) and
   * swaps it in. On failure the previous report is restored and the exception rethrown.
   */
  public synchronized void commit() throws IOException {
    if (closed || committed) {
      throw new IllegalStateException("report " + target + " is already " + (closed ? "closed" : "committed"));
    }
    if (inPlace) {
      List<String> files = new ArrayList<>();
      for (String name : ReportTree.names(target)) {
        if (!name.startsWith(".") && Files.isRegularFile(target.resolve(name))) {
          files.add(name);
        }
      }
      AtomicFiles.writeBytes(target.resolve(MANIFEST), manifest.withFiles(files).toJson());
      committed = true;
      return;
    }
    List<String> owned = ReportTree.names(staging);
    owned.remove(MANIFEST);
    Path readme = staging.resolve("README.md");
    if (Files.isRegularFile(readme)) {
      AtomicFiles.writeString(readme, Files.readString(readme) + manifest.provenanceMarkdown()
          + String.format(java.util.Locale.ROOT, "%nThis run: wall time %.1f s, CPU time %.1f s (this JVM process, all "
          + "threads, from opening the report to writing it).%n", (System.nanoTime() - openedNanos) / 1e9,
          processCpuSeconds() - openedCpuSeconds));
    }
    AtomicFiles.writeBytes(staging.resolve(MANIFEST), manifest.withFiles(owned).toJson());
    if (Files.isDirectory(target)) {
      carryOver(owned);
    }
    swap();
    committed = true;
  }

  /** Links (or copies) into staging what the previous report holds but does not own. */
  private void carryOver(List<String> owned) throws IOException {
    ReportManifest old;
    try {
      old = ReportManifest.read(target);
    } catch (IOException e) {
      old = null; // only reachable with --force: an unreadable manifest owns nothing, everything is kept
    }
    List<String> oldOwned = old == null ? List.of() : old.files();
    for (String name : ReportTree.names(target)) {
      boolean replaced = owned.contains(name) || name.equals(MANIFEST) || ReportTree.isRunArtifact(name);
      boolean dropped = oldOwned.contains(name) && !keep.test(name);
      if (!replaced && !dropped) {
        ReportTree.linkOrCopy(target.resolve(name), staging.resolve(name));
      }
    }
  }

  private void swap() throws IOException {
    boolean hadOld = Files.exists(target);
    if (hadOld) {
      Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      if (hadOld) {
        Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
      }
      throw AtomicFiles.describe(target, e instanceof IOException io ? io : new IOException(e));
    }
    if (hadOld) {
      // The new report is in place; a failure here only leaves .NAME.old-PID for the next run to remove.
      ReportTree.deleteRecursively(aside);
    }
  }

  /** The CPU time of this JVM so far in seconds, NaN where the platform does not report it. */
  private static double processCpuSeconds() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os && os.getProcessCpuTime() >= 0) {
      return os.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  /** Releases the lock; without a {@link #commit()} the staging directory is deleted first. */
  @Override
  public void close() throws IOException {
    try {
      abort(false);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running or has run abort() itself
      }
    }
  }

  private synchronized void abort(boolean shuttingDown) throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    OPEN.remove(staging);
    try {
      if (inPlace) {
        ReportTree.deleteEmptyAncestors(target, createdAncestor);
      } else if (!committed) {
        if (shuttingDown) {
          ABORTED.add(staging); // the writer thread still runs until the JVM halts: make its next write fail
        }
        ReportTree.deleteRecursively(staging);
        if (!Files.exists(target) && Files.isDirectory(aside)) {
          Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
        }
        ReportTree.deleteEmptyAncestors(target.getParent(), createdAncestor);
      }
    } finally {
      lock.close();
    }
  }

  /** SIGTERM/SIGINT: waits for a swap in progress (synchronized), then leaves the previous report. */
  private void abortOnShutdown() {
    try {
      abort(true);
    } catch (IOException | RuntimeException e) {
      System.err.println("prunebench: could not remove " + staging + ": " + e.getMessage());
    }
  }

  /** Fails a write into a staging directory whose run is being aborted (SIGTERM while writing). */
  static void requireNotAborted(Path file) throws IOException {
    if (!ABORTED.isEmpty()) {
      Path abs = file.toAbsolutePath();
      for (Path s : ABORTED) {
        if (abs.startsWith(s)) {
          throw new IOException("report " + s + " was aborted; not writing " + file.getFileName());
        }
      }
    }
  }

  /** {@code p} as the user knows it: a path inside an open staging directory is shown inside its target. */
  static Path displayPath(Path p) {
    Path abs = p.toAbsolutePath();
    for (Map.Entry<Path, ReportDirectory> e : OPEN.entrySet()) {
      if (abs.startsWith(e.getKey())) {
        return e.getValue().target.resolve(e.getKey().relativize(abs));
      }
    }
    return p;
  }

  private static Path sibling(Path target, String suffix) {
    return target.resolveSibling("." + target.getFileName() + "." + suffix);
  }

  private static Path absolute(Path out) throws RefusedException {
    Path t = out.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(t)) {
      try {
        t = t.toRealPath(); // replace the directory the link points to, not the link
      } catch (IOException e) {
        throw new RefusedException(out + " is a symbolic link that cannot be resolved: " + e.getMessage());
      }
    }
    if (t.getParent() == null || t.getFileName() == null) {
      throw new RefusedException(out + " is a file-system root; choose a directory below it");
    }
    return t;
  }
}
