package dev.prunebench.linear;

/**
 * The diagonal feature scaling Λ of paper Section 3 ({@code x^Λ = Λx}).
 */
public sealed interface LambdaProfile {

  /** The diagonal of Λ for p features (a new array); entries are finite and nonzero. */
  double[] diagonal(int p);

  /** A short label for reports, e.g. {@code λ=5}. */
  String label();

  /**
   * Eq. 3.5 with the fraction as a parameter: {@code Λ_ii = λ} for the first {@code ⌊f·p⌋}
   * coordinates, 1 elsewhere. The paper uses f = 1/10, which touches the most important 10% of the
   * decaying θ̄.
   *
   * @param lambda λ, finite and positive
   * @param fraction f in [0, 1]
   */
  record Leading(double lambda, double fraction) implements LambdaProfile {
    public Leading {
      if (!(lambda > 0) || Double.isInfinite(lambda)) {
        throw new IllegalArgumentException("lambda must be finite and positive, got " + lambda);
      }
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
      }
    }

    /** How many leading coordinates are scaled: {@code ⌊f·p⌋}, robust to f·p landing just below an integer. */
    public int count(int p) {
      return (int) Math.min(p, Math.floor(fraction * p + 1e-9));
    }

    @Override
    public double[] diagonal(int p) {
      double[] d = new double[p];
      int c = count(p);
      for (int i = 0; i < p; i++) {
        d[i] = i < c ? lambda : 1.0;
      }
      return d;
    }

    @Override
    public String label() {
      return "λ=" + LambdaProfile.format(lambda);
    }
  }

  /**
   * An arbitrary per-coordinate diagonal.
   *
   * @param values the diagonal, copied; finite and nonzero
   * @param name label for reports
   */
  record Explicit(double[] values, String name) implements LambdaProfile {
    public Explicit {
      values = values.clone();
      for (int i = 0; i < values.length; i++) {
        if (!(values[i] != 0) || !Double.isFinite(values[i])) {
          throw new IllegalArgumentException("values: entry " + i + " is " + values[i]
              + "; Λ must be finite and invertible");
        }
      }
    }

    @Override
    public double[] diagonal(int p) {
      if (p != values.length) {
        throw new IllegalArgumentException("p: this Λ has " + values.length + " entries, asked for " + p);
      }
      return values.clone();
    }

    @Override
    public String label() {
      return name;
    }
  }

  /** λ as a short decimal: 0.5, 1, 5. */
  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
