package dev.prunebench.data;

/**
 * The digits could not be obtained or are not what they must be (no {@code npm}, a failed fetch, a
 * checksum mismatch, a malformed or truncated file). The message always says how to fix it.
 */
public class MnistDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MnistDataException(String message) {
    super(message);
  }

  public MnistDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
