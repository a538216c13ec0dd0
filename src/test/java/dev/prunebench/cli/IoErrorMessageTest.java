package dev.prunebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** I/O errors are one line naming the path and the reason (Java's file exceptions carry only the path). */
class IoErrorMessageTest {

  @Test
  void fileSystemExceptionsGainTheirReason() {
    assertThat(Main.describe(new NoSuchFileException("/data/old.json"))).isEqualTo("/data/old.json: no such file or directory");
    assertThat(Main.describe(new AccessDeniedException("/root/x"))).isEqualTo("/root/x: permission denied");
    assertThat(Main.describe(new NotDirectoryException("/tmp/f"))).isEqualTo("/tmp/f: not a directory");
    assertThat(Main.describe(new FileSystemException("/full/a.csv", null, "No space left on device")))
        .isEqualTo("/full/a.csv: No space left on device");
  }

  @Test
  void aWrappedFileSystemExceptionKeepsItsTextAndGainsTheReason() {
    IOException e = new IOException("output directory /tmp/f/sub cannot be created: /tmp/f",
        new java.nio.file.FileAlreadyExistsException("/tmp/f"));
    assertThat(Main.describe(e)).isEqualTo("output directory /tmp/f/sub cannot be created: /tmp/f "
        + "(/tmp/f: already exists)");
  }

  @Test
  void anIoErrorDuringACommandIsOneLineWithExitOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Path json = java.nio.file.Files.writeString(dir.resolve("r.json"), "[]");
    java.nio.file.Path blocker = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    int code = cl.execute("bench", "--render-only", json.toString(), "--out", blocker.resolve("out").toString());
    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains(blocker.resolve("out").toString()).contains("Not a directory");
  }
}
