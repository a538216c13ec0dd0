package dev.prunebench.bench;

/** Weight-vector sizes for hard thresholding, with the layer split used by the layer-wise variant. */
public enum ThresholdSize {
  /** p = 10⁴ in two equal groups. */
  P1E4(new int[] {5_000, 5_000}),
  /** p = 10⁶ in two equal groups. */
  P1E6(new int[] {500_000, 500_000}),
  /** The paper's network: W is 1024 x 784, V is 10 x 1024, p = (784 + 10) · 1024 = 813,056. */
  NETWORK(new int[] {1024 * 784, 10 * 1024}),
  /** Tiny, for the sanity test. */
  SANITY(new int[] {30, 20});

  private final int[] groups;

  ThresholdSize(int[] groups) {
    this.groups = groups;
  }

  /** The group (layer) sizes; a fresh copy. */
  public int[] groups() {
    return groups.clone();
  }

  /** Total number of weights p. */
  public int p() {
    int p = 0;
    for (int g : groups) {
      p += g;
    }
    return p;
  }
}
