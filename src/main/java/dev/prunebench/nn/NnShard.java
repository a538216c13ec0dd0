package dev.prunebench.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One of {@code count} deterministic parts of a Section 4 study ({@code prunebench nn --shard K/N}).
 *
 * <p>The study's jobs are learning rate × λ × scope × method × fraction (× seed, one run per seed). The
 * 2 · 2 · |fractions| pruning jobs of one (η, λ) all prune the same trained network θ^λ_final with the
 * same Hessian diagonal, and retrain from the same θ^λ_init; so the unit of sharding is the (η, λ)
 * {@link Unit}: a shard owns the training of its units, their Figure-2 measurements, their Hessian
 * diagonals and every pruning and retraining job built on them. Nothing is recomputed twice and no
 * shard needs another's output. Seeds are the outer loop (one study per seed, e.g. one Slurm array
 * dimension). Units are dealt round-robin in (η, λ) order — unit {@code i} belongs to shard
 * {@code i mod N + 1} — so the long-training extreme λ spread over the shards.
 *
 * @param index K, 1-based
 * @param count N
 */
public record NnShard(int index, int count) {

  /** The whole study as one shard. */
  public static final NnShard WHOLE = new NnShard(1, 1);

  /** One (η, λ) training and everything pruned from it. */
  public record Unit(double learningRate, double lambda) {}

  public NnShard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("shard must be K/N with 1 ≤ K ≤ N, got " + index + "/" + count);
    }
  }

  /** Parses {@code K/N}, e.g. {@code 3/14}. */
  public static NnShard parse(String s) {
    String[] parts = s.trim().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("shard must be K/N (e.g. 3/14), got '" + s + "'");
    }
    try {
      return new NnShard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("shard must be K/N with integers K and N, got '" + s + "'", e);
    }
  }

  /** Every unit of {@code cfg} in (η, λ) order: the order of the report's rows. */
  public static List<Unit> all(NnConfig cfg) {
    List<Unit> out = new ArrayList<>();
    for (double lr : cfg.learningRates()) {
      for (double lambda : cfg.lambdas()) {
        out.add(new Unit(lr, lambda));
      }
    }
    return out;
  }

  /** The units this shard owns, in (η, λ) order. */
  public List<Unit> units(NnConfig cfg) {
    List<Unit> all = all(cfg);
    List<Unit> out = new ArrayList<>();
    for (int i = index - 1; i < all.size(); i += count) {
      out.add(all.get(i));
    }
    return out;
  }

  /**
   * The unit whose network the run-time Hessian check uses: the first learning rate and the λ closest to
   * 1 (the first such λ on ties); exactly one shard owns it.
   */
  public static Unit hessianCheckUnit(NnConfig cfg) {
    double best = cfg.lambdas().get(0);
    for (double l : cfg.lambdas()) {
      if (Math.abs(Math.log(l)) < Math.abs(Math.log(best))) {
        best = l;
      }
    }
    return new Unit(cfg.learningRates().get(0), best);
  }

  /** The shard's directory name, e.g. {@code shard-03-of-14} (zero-padded so a listing sorts). */
  public String directoryName() {
    int digits = String.valueOf(count).length();
    return String.format(Locale.ROOT, "shard-%0" + digits + "d-of-%d", index, count);
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
