package dev.prunebench.reproduce;

import dev.prunebench.linalg.Backend;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A full reproduction's settings.
 *
 * @param preset quick or paper
 * @param backend backend for every experiment, or null for each experiment's own default
 * @param seed master seed passed to every experiment, or null for each experiment's own default
 * @param out root output directory; experiment X writes to {@code out/X}
 * @param withBench also run the quick JMH preset
 */
public record ReproduceConfig(ReproducePreset preset, Backend backend, Long seed, Path out, boolean withBench) {
  public ReproduceConfig {
    Objects.requireNonNull(preset, "preset");
    Objects.requireNonNull(out, "out");
  }
}
