package dev.prunebench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helpers: a directory tree as (relative path → bytes), and what a run left beside a target. */
public final class ReportTrees {
  private ReportTrees() {}

  /** Every regular file below {@code dir}, hidden ones included, by relative path, with its bytes. */
  public static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        // Latin-1 maps every byte to one char: equal strings = equal bytes, and PNGs stay comparable
        m.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p),
            java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return m;
  }

  /** Entries beside {@code target} that belong to a run into it (staging, old, lock, temp files). */
  public static List<String> leftovers(Path target) throws IOException {
    String prefix = "." + target.getFileName() + ".";
    try (Stream<Path> s = Files.list(target.getParent())) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
    }
  }
}
