package dev.prunebench.linalg;

/** Whether a backend can run on this machine, and if not, why (e.g. its native library did not load). */
public record Availability(boolean available, String reason) {
  public static Availability yes() {
    return new Availability(true, "available");
  }

  public static Availability no(String reason) {
    return new Availability(false, reason);
  }
}
