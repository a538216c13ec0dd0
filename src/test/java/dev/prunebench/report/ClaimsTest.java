package dev.prunebench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsTest {
  @TempDir Path dir;

  @Test
  void claimsSurviveAWriteAndReadWithCommasQuotesAndLineBreaks() throws Exception {
    List<Claim> claims = List.of(
        new Claim("HP beats MP at λ = 5, s/p = 0.1", "Fig. 1a", "0.41 vs 0.89", Claim.Verdict.HOLDS),
        new Claim("a \"quoted\" claim, with a comma", "Fig. 3c, Appendix D", "line one\nline two", Claim.Verdict.PARTLY),
        new Claim("", "eq. (B.20)", "", Claim.Verdict.DOES_NOT_HOLD));
    Path file = Claims.write(dir, claims);
    assertThat(file.getFileName().toString()).isEqualTo(Claims.FILE);
    assertThat(Files.readAllLines(file).get(0)).isEqualTo("claim,paper_evidence,measurement,verdict");
    assertThat(Claims.read(file)).isEqualTo(claims);
  }

  @Test
  void aFileWithoutTheClaimsHeaderIsRejectedNamingTheFile() throws Exception {
    Path file = dir.resolve("other.csv");
    Files.writeString(file, "a,b\n1,2\n");
    assertThatThrownBy(() -> Claims.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void anUnknownVerdictIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> Claim.Verdict.parse("maybe")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'maybe'");
  }
}
