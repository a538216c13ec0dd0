package dev.prunebench.linalg;

/**
 * A kernel refused a NaN or infinite input entry (see {@link Checks#requireFinite(String, Matrix)}).
 * Its own type so that a caller can tell numbers that overflowed — a diverged training — from a
 * programming error such as a shape mismatch.
 */
public final class NonFiniteInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public NonFiniteInputException(String message) {
    super(message);
  }
}
