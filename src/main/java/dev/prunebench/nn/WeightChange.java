package dev.prunebench.nn;

/**
 * How far training moved each layer from its initialisation: {@code ‖W_final − W_init‖_F / ‖W_init‖_F}
 * and the same for V. Section 4 explains Figure 2 by "the final weights (and Hessian) do not deviate
 * much from the initial ones" (the lazy/NTK regime); these are the numbers that sentence is about, and
 * the mechanism behind a layer whose MI (a squared norm, eq. 2.1) grows: its relative change is of order
 * one or more.
 *
 * @param w relative Frobenius change of the input layer W
 * @param v relative Frobenius change of the output layer V
 */
public record WeightChange(double w, double v) {

  /** No measurement (a diverged run). */
  public static final WeightChange NONE = new WeightChange(Double.NaN, Double.NaN);

  /** The relative change from {@code init} to {@code fin}, per layer. */
  public static WeightChange of(NetParams init, NetParams fin) {
    return new WeightChange(relative(init.w().toArray(), fin.w().toArray()),
        relative(init.v().toArray(), fin.v().toArray()));
  }

  private static double relative(double[] a, double[] b) {
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < a.length; i++) {
      double d = b[i] - a[i];
      diff += d * d;
      norm += a[i] * a[i];
    }
    return Math.sqrt(diff / norm);
  }
}
