package dev.prunebench.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.BackendInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a report directory holds: the file {@value ReportDirectory#MANIFEST} that makes a directory
 * recognisably "a previous report of experiment X" (so a new run may replace it) and records how it
 * was made. It is not a CSV, so its time and commit never break the byte identity of the CSVs.
 *
 * @param experiment the subcommand that wrote it ({@code linear}, {@code nn}, ..., {@code reproduce})
 * @param command the command line as typed
 * @param seed the master seed, or null when the experiment has none (bench)
 * @param backends each backend used: name, library, version, threads and details (OpenBLAS: its core type)
 * @param openblasCoretype the {@code OPENBLAS_CORETYPE} override when OpenBLAS is used ("unset" if none),
 *     null when OpenBLAS is not used; same seed, backend, threads and core type give the same bytes
 * @param commit the source commit ("-dirty" with local changes, "nogit" outside a repository)
 * @param started when the run started (UTC, ISO-8601)
 * @param files the files and directories this report owns; everything else in the directory (a
 *     committed baseline, a nested report, earlier benchmark results) is carried over on replacement
 */
public record ReportManifest(String experiment, String command, Long seed, List<BackendEntry> backends,
    String openblasCoretype, String commit, String started, List<String> files) {

  /** One backend's identity as recorded in the manifest and the report's README. */
  public record BackendEntry(String name, String library, String version, int threads, String details) {
    static BackendEntry of(BackendInfo i) {
      return new BackendEntry(i.backend().cliName(), i.library(), i.version(), i.threads(), i.details());
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * A manifest for a run starting now; {@code files} is filled in when the report is committed.
   *
   * @param backends the backends the run uses (each is described through its {@code info()})
   */
  public static ReportManifest start(String experiment, String command, Long seed, List<Backend> backends,
      String commit) {
    List<BackendEntry> entries = new ArrayList<>();
    boolean openblas = false;
    for (Backend b : backends) {
      if (b.availability().available()) {
        entries.add(BackendEntry.of(b.create().info()));
      }
      openblas |= b == Backend.OPENBLAS;
    }
    String env = System.getenv("OPENBLAS_CORETYPE");
    String coretype = !openblas ? null : env == null ? "unset" : env;
    return new ReportManifest(experiment, command, seed, List.copyOf(entries), coretype, commit,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), List.of());
  }

  ReportManifest withFiles(List<String> owned) {
    return new ReportManifest(experiment, command, seed, backends, openblasCoretype, commit, started,
        List.copyOf(owned));
  }

  byte[] toJson() throws IOException {
    return JSON.writeValueAsBytes(this);
  }

  /**
   * Reads the manifest in {@code dir}, or null when there is none.
   *
   * @throws IOException when it exists but cannot be read or parsed (naming the file)
   */
  static ReportManifest read(Path dir) throws IOException {
    Path f = dir.resolve(ReportDirectory.MANIFEST);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      ReportManifest m = JSON.readValue(f.toFile(), ReportManifest.class);
      if (m.experiment() == null) {
        throw new IOException("no \"experiment\" field");
      }
      return m;
    } catch (IOException e) {
      throw new IOException(f + " is not a prunebench report manifest: " + e.getMessage(), e);
    }
  }

  /** The Markdown section appended to the report's README: backend, core type, seed, commit, command. */
  String provenanceMarkdown() {
    StringBuilder sb = new StringBuilder("\n## Provenance\n\n");
    sb.append("Written by `").append(command).append("` at commit `").append(commit).append("`, started ")
        .append(started).append(seed == null ? "" : ", seed " + seed).append(".\n\n");
    for (BackendEntry b : backends) {
      sb.append(String.format(Locale.ROOT, "- backend `%s`: %s %s, %d thread%s; %s%n", b.name(), b.library(),
          b.version(), b.threads(), b.threads() == 1 ? "" : "s", b.details()));
    }
    if (openblasCoretype != null) {
      sb.append("- `OPENBLAS_CORETYPE`: ").append(openblasCoretype).append('\n');
    }
    sb.append("\nSame seed, options, backend, thread count and OpenBLAS core type give byte-identical CSV files; "
        + "other backends differ in the last digits (see the project README). Machine-readable: `")
        .append(ReportDirectory.MANIFEST).append("`.\n");
    return sb.toString();
  }
}
