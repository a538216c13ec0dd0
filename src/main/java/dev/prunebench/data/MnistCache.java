package dev.prunebench.data;

import java.nio.file.Path;

/**
 * Where the verified MNIST tarball is cached, outside the git tree. In order of precedence: the
 * system property {@value #PROPERTY}, the environment variable {@value #ENV}, then
 * {@code ~/.cache/prunebench/mnist}.
 */
public final class MnistCache {
  /** System property naming the cache directory. */
  public static final String PROPERTY = "prunebench.mnist.cache";
  /** Environment variable naming the cache directory. */
  public static final String ENV = "PRUNEBENCH_MNIST_CACHE";

  private MnistCache() {}

  /** The cache directory to use (not created). */
  public static Path directory() {
    String p = System.getProperty(PROPERTY);
    if (p != null && !p.isBlank()) {
      return Path.of(p);
    }
    String e = System.getenv(ENV);
    if (e != null && !e.isBlank()) {
      return Path.of(e);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "prunebench", "mnist");
  }
}
