package dev.prunebench.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The project checkout the running code belongs to, so committed files such as the accuracy baseline
 * are found from any working directory. In order: the system property {@value #PROPERTY} (the
 * {@code prunebench} launcher sets it), else two levels above where this class was loaded from —
 * {@code target/prunebench.jar} and {@code target/classes} (tests, IDEs) both sit in {@code target/}
 * directly under the project.
 */
final class ProjectHome {
  private ProjectHome() {}

  /** The system property naming the project directory. */
  static final String PROPERTY = "prunebench.home";

  /** The committed accuracy baseline, relative to the project. */
  static final Path ACCURACY_BASELINE = Path.of("reports", "accuracy", "baseline.csv");

  /** The project directory, or empty when neither the property nor the code location gives one. */
  static Optional<Path> directory() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(Path.of(property).toAbsolutePath().normalize());
    }
    CodeSource source = ProjectHome.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path loaded = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
      Path target = loaded.getParent();
      return target == null || target.getParent() == null ? Optional.empty() : Optional.of(target.getParent());
    } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      // not a file: URL (e.g. a custom class loader): there is no checkout to find
      return Optional.empty();
    }
  }

  /**
   * Where this checkout's committed accuracy baseline is (whether or not the file exists yet).
   *
   * @throws IllegalStateException when the project cannot be located
   */
  static Path accuracyBaseline() {
    return directory().orElseThrow(() -> new IllegalStateException("cannot locate the prunebench project to find "
        + ACCURACY_BASELINE + " (set -D" + PROPERTY + "=DIR or pass --baseline PATH)")).resolve(ACCURACY_BASELINE);
  }
}
