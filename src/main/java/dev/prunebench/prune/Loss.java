package dev.prunebench.prune;

/** A loss {@code L(θ)} on flat parameter vectors (the argument of Definition 2.1). */
@FunctionalInterface
public interface Loss {

  /**
   * {@code L(θ)}.
   *
   * @param theta not modified
   */
  double value(double[] theta);
}
