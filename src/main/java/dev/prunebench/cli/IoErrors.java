package dev.prunebench.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** I/O failures as the short reason a one-line error puts after the path it already names. */
final class IoErrors {
  private IoErrors() {}

  /**
   * The reason without the path, e.g. {@code no such file}, {@code permission denied},
   * {@code Is a directory}; the exception's message for anything else (our own parse errors).
   */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }
}
