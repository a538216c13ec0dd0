package dev.prunebench.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final StringWriter buffer = new StringWriter();
  private final ManualClock clock = new ManualClock();

  private List<String> lines() {
    return buffer.toString().lines().toList();
  }

  @Test
  void logModeWritesALineAtEveryStageWithStageDoneTotalElapsedAndEta() {
    try (Progress p = Progress.create("nn", Progress.Mode.LOG, new PrintWriter(buffer), clock)) {
      p.stage("λ sweep", 6);
      assertThat(lines()).containsExactly("2026-12-01T10:00:00Z nn: λ sweep 0/6, elapsed 0s, ETA ?");
      clock.advance(Duration.ofSeconds(40));
      p.step("lr=0.01 λ=0.125");
      p.step("lr=0.01 λ=1");
      assertThat(lines()).hasSize(2).last().asString()
          .isEqualTo("2026-12-01T10:00:40Z nn: λ sweep 1/6, elapsed 40s, ETA 3m20s (lr=0.01 λ=0.125)");
      p.stage("pruning", 24);
      assertThat(lines()).hasSize(3).last().asString().startsWith("2026-12-01T10:00:40Z nn: pruning 0/24");
    }
    assertThat(lines()).hasSize(4).last().asString().isEqualTo("2026-12-01T10:00:40Z nn: finished in 40s");
  }

  @Test
  void logLinesAreRateLimitedToOneEveryThirtySecondsAndTicksKeepTheLogAlive() {
    Progress p = Progress.create("linear", Progress.Mode.LOG, new PrintWriter(buffer), clock);
    p.stage("trials", 1000);
    for (int i = 0; i < 1000; i++) {
      clock.advance(Duration.ofMillis(100)); // 100 s in all
      p.step("trial " + i);
    }
    // One stage line plus one line per 30 s of steps: at 30, 60 and 90 s.
    assertThat(lines()).hasSize(4);
    assertThat(lines().get(1)).contains("trials 300/1000").contains("elapsed 30s").contains("ETA 1m10s");
    // A long step without completed work still reports (epochs inside one training).
    clock.advance(Duration.ofSeconds(19));
    p.tick("epoch 3");
    assertThat(lines()).hasSize(4);
    clock.advance(Duration.ofSeconds(1));
    p.tick("epoch 4");
    assertThat(lines()).hasSize(5).last().asString().contains("trials 1000/1000").endsWith("(epoch 4)");
  }

  @Test
  void noneModeWritesNothing() {
    try (Progress p = Progress.create("nn", Progress.Mode.NONE, new PrintWriter(buffer), clock)) {
      p.stage("x", 2);
      clock.advance(Duration.ofMinutes(5));
      p.step("a");
    }
    assertThat(buffer.toString()).isEmpty();
  }

  @Test
  void autoIsABarOnATerminalLogElsewhereAndLogInCi() {
    assertThat(Progress.resolve(Progress.Mode.AUTO, Map.of(), true)).isEqualTo(Progress.Mode.BAR);
    assertThat(Progress.resolve(Progress.Mode.AUTO, Map.of(), false)).isEqualTo(Progress.Mode.LOG);
    assertThat(Progress.resolve(Progress.Mode.AUTO, Map.of("CI", "true"), true)).isEqualTo(Progress.Mode.LOG);
    // CI=false means nothing special (it used to silence progress).
    assertThat(Progress.resolve(Progress.Mode.AUTO, Map.of("CI", "false"), true)).isEqualTo(Progress.Mode.BAR);
    assertThat(Progress.resolve(Progress.Mode.AUTO, Map.of("CI", "false"), false)).isEqualTo(Progress.Mode.LOG);
    assertThat(Progress.resolve(Progress.Mode.NONE, Map.of("CI", "true"), true)).isEqualTo(Progress.Mode.NONE);
    assertThat(Progress.resolve(Progress.Mode.BAR, Map.of("CI", "true"), false)).isEqualTo(Progress.Mode.BAR);
  }
}
