package dev.prunebench.nn;

/**
 * Mean cross-entropy loss (paper eq. 4.1) and classification error of a network on a data set.
 *
 * @param loss {@code −(1/n) Σᵢ log softmax(f(xᵢ))_{yᵢ}}, computed stably from the logits
 * @param error fraction of samples whose arg-max logit is not the label (ties: lowest class wins)
 * @param accuracy fraction classified correctly, {@code 1 − error} (computed from the count, so
 *     that it prints exactly)
 */
public record Evaluation(double loss, double error, double accuracy) {
  /** From the number of misclassified samples out of n. */
  static Evaluation of(double loss, int wrong, int n) {
    return new Evaluation(loss, (double) wrong / n, (double) (n - wrong) / n);
  }
}
