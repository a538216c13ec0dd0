package dev.prunebench.report.bench;

import dev.prunebench.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The order in which the protocol runs its forks: round by round, and inside a round group by group
 * (one group = one benchmark method and parameter set without the backend), the group's backends
 * back to back in a rotated order. Round r of a group starts at backend {@code (s_g + r) mod k}, where
 * k is the number of backends and {@code s_g} a seeded random start per group, so over k rounds every
 * backend takes every position once: a drift inside a round (the JVM's page cache, a neighbour that
 * starts a build) does not always favour the same backend, and backends of one round see the same
 * machine and can be paired ({@link ForkStatistics#pairedRatio}).
 *
 * @param <G> a group
 * @param <B> a backend (or any variant a group is run in, e.g. baseline vs slowed)
 */
public final class ForkSchedule<G, B> {

  /** One fork to run: the round it belongs to, its group and its backend. */
  public record Slot<G, B>(int round, G group, B backend) {}

  private final List<Slot<G, B>> slots;

  /**
   * @param rounds forks per backend (≥ 1)
   * @param groups the groups, in report order
   * @param backendsOf the backends of a group (≥ 1 each; a kernel without a backend parameter has one)
   * @param seed seeds each group's start offset
   */
  public ForkSchedule(int rounds, List<G> groups, Function<G, List<B>> backendsOf, long seed) {
    if (rounds < 1) {
      throw new IllegalArgumentException("need at least one round, got " + rounds);
    }
    RandomGenerator rng = Rng.of(seed);
    int[] start = new int[groups.size()];
    for (int g = 0; g < start.length; g++) {
      int k = backendsOf.apply(groups.get(g)).size();
      if (k < 1) {
        throw new IllegalArgumentException("group " + groups.get(g) + " has no backend");
      }
      start[g] = rng.nextInt(k);
    }
    List<Slot<G, B>> s = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (int g = 0; g < groups.size(); g++) {
        List<B> backends = backendsOf.apply(groups.get(g));
        int k = backends.size();
        for (int j = 0; j < k; j++) {
          s.add(new Slot<>(r, groups.get(g), backends.get((start[g] + r + j) % k)));
        }
      }
    }
    this.slots = List.copyOf(s);
  }

  /** Every fork in run order. */
  public List<Slot<G, B>> slots() {
    return slots;
  }
}
