package dev.prunebench.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.report.Claim;
import dev.prunebench.report.Claims;
import dev.prunebench.report.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index leads with the paper run only when it is one, and says so honestly when it is not. */
class NnStudyIndexTest {
  @TempDir Path out;

  private void report(Path dir, String preset, String retraining, Claim.Verdict v) throws IOException {
    Files.createDirectories(dir);
    Csv.write(dir.resolve("study.csv"), List.of("key", "value"), List.of(List.of("preset", preset),
        List.of("retraining", retraining), List.of("seed", 1), List.of("width", 1024)));
    Claims.write(dir, List.of(new Claim("Final HI increases with λ", "Fig. 2a", "HI: 1, 2", v,
        v == Claim.Verdict.HOLDS ? "" : "a why")));
  }

  @Test
  void anEarlierProtocolsPaperRunIsNotShownAsThePaperRun() throws IOException {
    Files.createDirectories(out.resolve("nn/paper"));
    Claims.write(out.resolve("nn/paper"), List.of(new Claim("old", "Fig. 2a", "x", Claim.Verdict.HOLDS)));
    report(out.resolve("nn"), "quick", "capped at 5 epochs", Claim.Verdict.DOES_NOT_HOLD);
    StringBuilder sb = new StringBuilder();
    NnStudyIndex.append(sb, out);
    assertThat(sb.toString()).contains("is not present yet").contains("without `study.csv`")
        .doesNotContain("| old |").contains("Sensitivity over seeds").contains("**Not present yet**")
        .contains("| Final HI increases with λ | – | – | does not hold |");
    assertThat(NnStudyIndex.label(out)).contains("fast smoke run");
  }

  @Test
  void thePaperRunAndTheSensitivityStudyLeadWhenPresent() throws IOException {
    report(out.resolve("nn/paper"), "paper", "paper rule", Claim.Verdict.PARTLY);
    report(out.resolve("nn"), "quick", "capped at 5 epochs", Claim.Verdict.HOLDS);
    Files.createDirectories(out.resolve("nn/sensitivity"));
    Csv.write(out.resolve("nn/sensitivity/verdicts.csv"), List.of("claim", "seed", "learning_rate", "verdict"),
        List.of(List.of("Final HI increases with λ", 1, 0.01, "holds"),
            List.of("Final HI increases with λ", 2, 0.01, "does_not_hold")));
    StringBuilder sb = new StringBuilder();
    NnStudyIndex.append(sb, out);
    assertThat(sb.toString()).doesNotContain("not present yet")
        .contains("| Final HI increases with λ | HI: 1, 2 | **partly holds** | a why |")
        .contains("| Final HI increases with λ | partly holds | 1 of 2 | holds |");
  }
}
