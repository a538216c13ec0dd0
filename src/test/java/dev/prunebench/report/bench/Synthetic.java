package dev.prunebench.report.bench;

import dev.prunebench.util.Rng;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A synthetic machine for the protocol: a fork of backend b in a group takes {@code base(b) · exp(d + e)}
 * ms, with a drift d that changes slowly from fork to fork (a neighbour's load: sd {@code drift} per step
 * of a random walk, pulled back to 0) and a fork's own noise e (sd {@code noise}); the test-only slow-down
 * property in the fork's JVM arguments multiplies the targeted benchmark's time by 1 + fraction, as the
 * busy-wait does.
 */
final class Synthetic implements ForkRunner {
  private final Map<String, Double> base;
  private final double drift;
  private final double noise;
  private final RandomGenerator rng;
  private double level;

  Synthetic(Map<String, Double> base, double drift, double noise, long seed) {
    this.base = base;
    this.drift = drift;
    this.noise = noise;
    this.rng = Rng.of(seed);
  }

  @Override
  public Result run(BenchGroup group, String backend, Settings settings) {
    level = 0.8 * level + drift * rng.nextGaussian();
    double t = base.getOrDefault(backend, 1.0) * Math.exp(level + noise * rng.nextGaussian());
    String target = group.benchmarkClass() + "." + group.method();
    for (String arg : settings.jvmArgs()) {
      String prefix = "-D" + GateQuality.PROPERTY + "=" + target + ":";
      if (arg.startsWith(prefix)) {
        t *= 1 + Double.parseDouble(arg.substring(prefix.length()));
      }
    }
    return new Result("avgt", "ms/op", t, new double[] {t * 0.99, t * 1.01}, 64);
  }
}
