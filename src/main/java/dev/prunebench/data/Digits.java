package dev.prunebench.data;

import dev.prunebench.linalg.Matrix;
import java.util.Arrays;

/**
 * Labelled images: row i of {@code images} (n x d, grey values in [0, 1]) is an image of class
 * {@code labels[i]} ∈ {0, …, classes − 1}.
 *
 * @param images n x d, one image per row
 * @param labels length n
 * @param classes number of classes K
 */
public record Digits(Matrix images, int[] labels, int classes) {

  public Digits {
    if (labels.length != images.rows()) {
      throw new IllegalArgumentException("labels: length " + labels.length + " but images has "
          + images.rows() + " rows");
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be at least 2, got " + classes);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + classes + "), got "
            + labels[i]);
      }
    }
    labels = labels.clone();
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** Label of sample i. */
  public int label(int i) {
    return labels[i];
  }

  /** Number of samples n. */
  public int size() {
    return labels.length;
  }

  /** Pixels per image d. */
  public int dimension() {
    return images.cols();
  }

  /** How many samples each class has. */
  public int[] countsPerClass() {
    int[] counts = new int[classes];
    for (int l : labels) {
      counts[l]++;
    }
    return counts;
  }

  /** The samples at {@code rows}, in that order (copied). */
  public Digits subset(int[] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("rows: a subset needs at least one row, got []");
    }
    int d = images.cols();
    double[] data = new double[rows.length * d];
    int[] sub = new int[rows.length];
    double[] all = images.toArray();
    for (int k = 0; k < rows.length; k++) {
      int i = rows[k];
      if (i < 0 || i >= labels.length) {
        throw new IllegalArgumentException("rows[" + k + "] must be in [0, " + labels.length + "), got " + i);
      }
      System.arraycopy(all, i * d, data, k * d, d);
      sub[k] = labels[i];
    }
    return new Digits(Matrix.wrap(rows.length, d, data), sub, classes);
  }

  /** The n x K one-hot label matrix Y (Y_ik = 1 iff labels[i] = k). */
  public Matrix oneHot() {
    return oneHot(labels, classes);
  }

  /** One-hot encoding of {@code labels} with K = {@code classes} columns. */
  public static Matrix oneHot(int[] labels, int classes) {
    double[] y = new double[labels.length * classes];
    for (int i = 0; i < labels.length; i++) {
      y[i * classes + labels[i]] = 1.0;
    }
    return Matrix.wrap(labels.length, classes, y);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Digits d && d.classes == classes && d.images.equals(images)
        && Arrays.equals(d.labels, labels);
  }

  @Override
  public int hashCode() {
    return 31 * images.hashCode() + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "Digits[n=" + labels.length + ", d=" + images.cols() + ", K=" + classes + "]";
  }
}
