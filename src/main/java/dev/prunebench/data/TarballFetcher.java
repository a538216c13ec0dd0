package dev.prunebench.data;

import java.io.IOException;
import java.nio.file.Path;

/** Obtains a package tarball and writes it into a directory (the loader verifies it afterwards). */
@FunctionalInterface
public interface TarballFetcher {

  /**
   * Writes the tarball of {@code source} as {@code directory/source.tarballName()}.
   *
   * @param directory an existing, empty, writable scratch directory
   * @throws MnistDataException with a message that says how to fix the problem
   */
  void fetch(MnistSource source, Path directory) throws IOException;
}
