package dev.prunebench.nn;

/**
 * Mini-batch SGD with heavy-ball momentum, run until interpolation (every training point classified
 * correctly) or {@code maxEpochs}. The paper does not state its optimiser settings, so every run
 * records these (see the optimiser-sensitivity part of the report).
 *
 * @param learningRate η &gt; 0
 * @param momentum μ ∈ [0, 1)
 * @param batchSize samples per step, at least 1 (the last batch of an epoch may be smaller)
 * @param maxEpochs epoch cap, at least 1 (the paper uses 150)
 * @param shuffleSeed seed of the per-epoch sample order
 */
public record SgdConfig(double learningRate, double momentum, int batchSize, int maxEpochs, long shuffleSeed) {

  public SgdConfig {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (maxEpochs < 1) {
      throw new IllegalArgumentException("maxEpochs must be at least 1, got " + maxEpochs);
    }
  }

  /** The same settings with another learning rate. */
  public SgdConfig withLearningRate(double lr) {
    return new SgdConfig(lr, momentum, batchSize, maxEpochs, shuffleSeed);
  }

  /** The same settings with another epoch cap. */
  public SgdConfig withMaxEpochs(int epochs) {
    return new SgdConfig(learningRate, momentum, batchSize, epochs, shuffleSeed);
  }
}
