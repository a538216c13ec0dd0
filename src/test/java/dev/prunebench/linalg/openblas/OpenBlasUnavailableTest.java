package dev.prunebench.linalg.openblas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.linalg.Backend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On a platform without natives, OPENBLAS is unavailable with the reason and every other backend is
 * unaffected. Simulated in a child JVM that tells JavaCPP it runs on {@code windows-x86_64}, whose
 * natives are not on the class path (a JVM can load a native library only once, so this cannot run
 * in the test JVM itself).
 */
class OpenBlasUnavailableTest {

  /** Prints one line per backend: name, available, reason. */
  public static final class Probe {
    public static void main(String[] args) {
      for (Backend b : Backend.values()) {
        System.out.println(b.name() + "\t" + b.availability().available() + "\t" + b.availability().reason());
      }
    }
  }

  @Test
  void missingNativesMakeOnlyOpenBlasUnavailableAndSayWhy() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = List.of(java.toString(), "-Dorg.bytedeco.javacpp.platform=windows-x86_64", "-cp",
        System.getProperty("java.class.path"), Probe.class.getName());
    Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    List<String> lines = new ArrayList<>(out.lines().filter(l -> l.contains("\t")).toList());
    assertThat(lines).as(out).hasSize(Backend.values().length);
    for (String line : lines) {
      String[] f = line.split("\t", 3);
      Backend b = Backend.valueOf(f[0]);
      if (b == Backend.OPENBLAS) {
        assertThat(f[1]).isEqualTo("false");
        assertThat(f[2]).contains("OpenBLAS native library did not load on platform windows-x86_64")
            .contains("UnsatisfiedLinkError");
      } else {
        // Same answer as in this JVM, where the natives do load.
        assertThat(Boolean.parseBoolean(f[1])).as(line).isEqualTo(b.availability().available());
      }
    }
  }
}
