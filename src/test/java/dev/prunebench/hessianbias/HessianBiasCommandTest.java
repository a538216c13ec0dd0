package dev.prunebench.hessianbias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HessianBiasCommandTest {

  @Test
  void theorem43CommandWritesCsvFiguresAndReadme(@TempDir Path dir) throws Exception {
    int code = Main.run("theorem43", "--out", dir.toString(), "-n", "6", "--group-sizes", "12,18",
        "--min-exponent", "-2", "--max-exponent", "3", "--exponent-step", "1", "--trajectory-exponents", "0,2");
    assertThat(code).isZero();
    for (String tag : new String[] {"zero", "gaussian"}) {
      assertThat(dir.resolve("sweep-" + tag + ".csv")).exists();
      assertThat(dir.resolve("trajectories-" + tag + ".csv")).exists();
      assertThat(Files.size(dir.resolve("ni-vs-ratio-" + tag + ".png"))).isGreaterThan(1000);
      assertThat(Files.size(dir.resolve("loss-vs-tau-" + tag + ".png"))).isGreaterThan(1000);
    }
    assertThat(dir.resolve("one-sample.csv")).exists();
    // header + one row per ratio 2^-2 … 2^3
    assertThat(Files.readAllLines(dir.resolve("sweep-zero.csv"))).hasSize(1 + 6);
    String readme = Files.readString(dir.resolve("README.md"));
    assertThat(readme).contains("(4.6)").contains("(B.19)").contains("ni-vs-ratio-zero.png");
  }

  @Test
  void badGroupSizeExitsWithCodeTwoBeforeWritingAnything(@TempDir Path dir) {
    Path out = dir.resolve("out");
    int code = Main.run("theorem43", "--out", out.toString(), "-n", "10", "--group-sizes", "5,20");
    assertThat(code).isEqualTo(2);
    assertThat(out).doesNotExist();
  }
}
