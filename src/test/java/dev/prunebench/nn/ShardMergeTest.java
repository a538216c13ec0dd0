package dev.prunebench.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.util.Progress;
import dev.prunebench.util.ThreadPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nn --shard K/N} + {@code --merge}: three shards of a tiny study, merged, write the same bytes as
 * the unsharded run — every CSV, every PNG and the README up to its run-dependent last section.
 */
class ShardMergeTest {
  @TempDir Path dir;

  private static final LinearAlgebraBackend<?> REF = Backend.REFERENCE.create(Parallelism.SINGLE);

  /** Two learning rates × three λ = six units over three shards; two fractions, retraining to interpolation. */
  private static NnConfig tiny() {
    return new NnConfig(NnConfig.Preset.QUICK, Backend.REFERENCE, 8, 100, 60, 1, 2, List.of(0.5, 1.0, 2.0),
        List.of(0.05, 0.02), 0.9, 20, 8, List.of(0.2, 0.02), 8, 0.05, 3);
  }

  private static NnRunRecord record(String shard) {
    return new NnRunRecord(shard, "test", "test", "reference", "n/a", "single", 1.0, 1.0, 0.0, "now");
  }

  @Test
  void threeShardsMergeIntoTheBytesOfTheWholeRun() throws IOException {
    Digits data = TestData.clusters(160, 12, 3, 0.8, 19);
    NnConfig cfg = tiny();
    NnExperiment.Results whole = NnExperiment.run(REF, cfg, data, true, Trainer.Listener.SILENT, ThreadPolicy.SINGLE,
        Progress.none(), NnShard.WHOLE);
    NnReport.write(whole, dir.resolve("whole"), List.of(record("1/1")));
    List<NnShard.Unit> covered = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      NnShard s = new NnShard(k, 3);
      covered.addAll(s.units(cfg));
      NnExperiment.Results part = NnExperiment.run(REF, cfg, data, true, Trainer.Listener.SILENT,
          ThreadPolicy.SINGLE, Progress.none(), s);
      Path p = dir.resolve("shards").resolve(s.directoryName());
      Files.createDirectories(p);
      NnPartial.write(part, record(s.toString()), p);
    }
    // the shards partition the units
    assertThat(covered).hasSize(6).containsExactlyInAnyOrderElementsOf(NnShard.all(cfg));

    NnPartial.Merged merged = NnPartial.merge(cfg, REF.info(), List.of(dir.resolve("shards")));
    assertThat(merged.runs()).extracting(NnRunRecord::shard).containsExactly("1/3", "2/3", "3/3");
    NnReport.write(merged.results(), dir.resolve("merged"), merged.runs());

    List<Path> files;
    try (Stream<Path> s = Files.list(dir.resolve("whole"))) {
      files = s.sorted().toList();
    }
    // 5 CSVs + claims_by_lr + study, 3 Figure-2 PNGs + 8 per learning rate, the README
    assertThat(files).hasSize(7 + 3 + 16 + 1);
    try (Stream<Path> s = Files.list(dir.resolve("merged"))) {
      assertThat(s.count()).isEqualTo(files.size());
    }
    for (Path f : files) {
      byte[] a = Files.readAllBytes(f);
      byte[] b = Files.readAllBytes(dir.resolve("merged").resolve(f.getFileName()));
      if (f.getFileName().toString().equals("README.md")) {
        String ra = new String(a, java.nio.charset.StandardCharsets.UTF_8);
        String rb = new String(b, java.nio.charset.StandardCharsets.UTF_8);
        String body = ra.substring(0, ra.indexOf(NnReport.RUN_SECTION));
        assertThat(body).contains("## The paper's claims").contains("## Lottery retraining");
        assertThat(rb.substring(0, rb.indexOf(NnReport.RUN_SECTION))).isEqualTo(body);
        assertThat(rb).contains("| 3/3 |");
      } else {
        assertThat(b).as(f.getFileName().toString()).isEqualTo(a);
      }
    }

    // the sensitivity summary over two "seed" reports (here the same study twice): one verdict per
    // (claim, seed report, η), and a spread figure per η and method
    Path summary = dir.resolve("summary");
    Files.createDirectories(summary);
    NnSensitivity.write(List.of(dir.resolve("whole"), dir.resolve("merged")), summary, summary);
    int claims = NnClaims.evaluate(whole).size();
    assertThat(Files.readAllLines(summary.resolve("verdicts.csv"))).hasSize(1 + 2 * 2 * claims);
    assertThat(Files.readString(summary.resolve("README.md"))).contains("| seed 1, η=0.05 | seed 1, η=0.02 |")
        .contains("](../whole/README.md)").contains("![](spread_global_hp_eta0.02.png)");
    assertThat(summary.resolve("spread_global_mp_eta0.05.png")).exists();
  }

  @Test
  void aMergeWithAShardMissingNamesItAndAnotherConfigurationIsRefused() throws IOException {
    Digits data = TestData.clusters(160, 12, 3, 0.8, 19);
    NnConfig cfg = tiny();
    NnShard s = new NnShard(2, 3);
    NnExperiment.Results part = NnExperiment.run(REF, cfg, data, false, Trainer.Listener.SILENT, ThreadPolicy.SINGLE,
        Progress.none(), s);
    Path p = dir.resolve(s.directoryName());
    Files.createDirectories(p);
    NnPartial.write(part, record("2/3"), p);
    assertThat(NnPartial.complete(p)).isTrue();
    assertThatThrownBy(() -> NnPartial.merge(cfg, REF.info(), List.of(dir)))
        .hasMessageContaining("shards [1, 3] of 3 are missing");
    NnConfig other = cfg.withSizes(9, 100, 60);
    assertThatThrownBy(() -> NnPartial.merge(other, REF.info(), List.of(p)))
        .hasMessageContaining("another configuration");
  }

  @Test
  void shardSpecificationsAreParsedAndCheckedAndDealtRoundRobin() {
    assertThat(NnShard.parse("3/14")).isEqualTo(new NnShard(3, 14));
    assertThat(new NnShard(3, 14).directoryName()).isEqualTo("shard-03-of-14");
    assertThatThrownBy(() -> NnShard.parse("0/3")).hasMessageStartingWith("shard must be K/N");
    assertThatThrownBy(() -> NnShard.parse("4/3")).hasMessageStartingWith("shard must be K/N");
    assertThatThrownBy(() -> NnShard.parse("a/b")).hasMessageStartingWith("shard must be K/N");
    NnConfig cfg = tiny();
    assertThat(new NnShard(1, 4).units(cfg)).containsExactly(new NnShard.Unit(0.05, 0.5), new NnShard.Unit(0.02, 1.0));
  }
}
