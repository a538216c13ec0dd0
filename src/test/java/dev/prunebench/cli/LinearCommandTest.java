package dev.prunebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.linear.Figure1Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearCommandTest {

  @Test
  void aSmallRunWritesEveryReportFile(@TempDir Path dir) throws IOException {
    int code = Main.run("linear", "--p", "60", "--kappa", "3/2", "--trials", "2", "--draws", "4",
        "--sparsity-points", "5", "--lambdas", "1/2,1,4", "--hessian", "empirical", "--no-progress", "--out", dir.toString());
    assertThat(code).isZero();
    for (String f : Figure1Report.FILES) {
      assertThat(dir.resolve(f)).isNotEmptyFile();
    }
    assertThat(Files.readAllLines(dir.resolve("fig1a.csv")).get(0))
        .isEqualTo("lambda,s,sparsity,method,analytic_mean,analytic_se,empirical_mean,empirical_se");
    // λ ≥ 1 → {1, 4}; 2 methods x 5 sparsities each, plus the header.
    assertThat(Files.readAllLines(dir.resolve("fig1a.csv"))).hasSize(1 + 2 * 2 * 5);
    String readme = Files.readString(dir.resolve("README.md"));
    assertThat(readme).contains("--p 60 --n 40").contains("HMRT closed form").contains("![Figure 1a](fig1a.png)");
  }

  @Test
  void badOptionValuesExitWithCodeTwo(@TempDir Path dir) {
    assertThat(Main.run("linear", "--kappa", "0.5", "--out", dir.toString())).isEqualTo(2);
    assertThat(Main.run("linear", "--lambdas", "x", "--out", dir.toString())).isEqualTo(2);
    assertThat(Main.run("linear", "--p", "100", "--n", "100", "--out", dir.toString())).isEqualTo(2);
    assertThat(Main.run("linear", "--backend", "nope")).isEqualTo(2);
  }
}
