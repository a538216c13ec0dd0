package dev.prunebench.linalg;

/** Whether a backend may use more than one thread for a kernel. */
public enum Parallelism {
  /** One thread: the library's single-threaded code path. */
  SINGLE,
  /** The library's concurrent code path, using every available core where it has one. */
  ALL_CORES
}
