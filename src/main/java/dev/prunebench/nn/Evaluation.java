package dev.prunebench.nn;

/**
 * Mean cross-entropy loss (paper eq. 4.1) and classification error of a network on a data set.
 *
 * @param loss {@code −(1/n) Σᵢ log softmax(f(xᵢ))_{yᵢ}}, computed stably from the logits
 * @param error fraction of samples whose arg-max logit is not the label (ties: lowest class wins)
 */
public record Evaluation(double loss, double error) {
  /** {@code 1 − error}. */
  public double accuracy() {
    return 1.0 - error;
  }
}
