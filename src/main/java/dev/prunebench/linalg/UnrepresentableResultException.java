package dev.prunebench.linalg;

/**
 * The exact answer exists but does not fit in a double: an entry of {@code X⁺y} or {@code X⁺}
 * overflows (for example X with entries near 1e-310, whose pseudo-inverse has entries near 1e310).
 * A refusal like {@link RankDeficientException}, so callers that handle refusals catch it too, but no
 * other algorithm helps: only rescaling the inputs does.
 */
public class UnrepresentableResultException extends RankDeficientException {
  private static final long serialVersionUID = 1L;

  public UnrepresentableResultException(String message) {
    super(message);
  }
}
