package dev.prunebench.report;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** File-tree helpers of {@link ReportDirectory}: listing, carrying over by hard link, deleting. */
final class ReportTree {
  private ReportTree() {}

  /** The names directly in {@code dir}, sorted (a mutable list). */
  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  /**
   * Recreates {@code src} at {@code dst}: directories are created (with the umask), files hard-linked
   * (instant, no extra space; safe because report files are only ever replaced, never modified in
   * place), or copied where the file system has no hard links. Symbolic links are copied as links.
   */
  static void linkOrCopy(Path src, Path dst) throws IOException {
    Files.walkFileTree(src, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(dst.resolve(src.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path to = dst.resolve(src.relativize(file).toString());
        if (attrs.isSymbolicLink()) {
          Files.copy(file, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
          return FileVisitResult.CONTINUE;
        }
        try {
          Files.createLink(to, file);
        } catch (UnsupportedOperationException | IOException e) {
          Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Deletes {@code p} and everything below it; absent is fine. Retried a few times, because a writer
   * thread may still add a file while a shutdown hook deletes its staging directory.
   */
  static void deleteRecursively(Path p) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        deleteOnce(p);
        return;
      } catch (DirectoryNotEmptyException e) {
        if (attempt == 4) {
          throw e;
        }
      }
    }
  }

  private static void deleteOnce(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null && !(e instanceof NoSuchFileException)) {
          throw e;
        }
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Removes what a killed run left beside {@code target}; the caller holds the target's lock. */
  static void cleanStale(Path target) throws IOException {
    String prefix = "." + target.getFileName() + ".";
    List<Path> leftovers = new ArrayList<>();
    try (Stream<Path> s = Files.list(target.getParent())) {
      s.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(leftovers::add);
    }
    for (Path p : leftovers) {
      String rest = p.getFileName().toString().substring(prefix.length());
      if (rest.startsWith("staging-")) {
        deleteRecursively(p);
      } else if (rest.startsWith("old-")) {
        if (!Files.exists(target)) {
          Files.move(p, target, StandardCopyOption.ATOMIC_MOVE); // killed between the two renames of a swap
        } else {
          deleteRecursively(p);
        }
      }
    }
  }

  static Path firstMissing(Path dir) {
    Path missing = null;
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /** Deletes the empty directories this run created, from {@code dir} up to {@code top}. */
  static void deleteEmptyAncestors(Path dir, Path top) {
    if (top == null) {
      return;
    }
    for (Path p = dir; p != null && p.startsWith(top); p = p.getParent()) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        return; // not empty: someone else's files
      }
    }
  }

  /** "output directory OUT cannot be created or written: FILE: reason". */
  static IOException unwritable(Path out, IOException e) {
    // createDirectories under a regular file reports FileAlreadyExistsException, whose message is only a
    // path: name the file that is in the way and the real reason instead.
    for (Path a = out.toAbsolutePath(); a != null; a = a.getParent()) {
      if (Files.exists(a)) {
        if (!Files.isDirectory(a)) {
          return new IOException("output directory " + out + " cannot be created or written: " + a
              + ": Not a directory", e);
        }
        break;
      }
    }
    String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
    String where = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
    return new IOException("output directory " + out + " cannot be created or written: " + where + reason, e);
  }

  /** A staging or old directory, lock or temp file of some run into a directory below: never carried over. */
  static boolean isRunArtifact(String name) {
    return name.startsWith(".") && (name.matches(".+\\.(staging|old)-\\d+") || name.endsWith(".lock")
        || name.contains(".lock.stale-") || name.endsWith(".tmp"));
  }
}
