package dev.prunebench.linalg;

/**
 * What a backend is: which library, which version, how many threads its kernels actually use, and a
 * free-form note (e.g. OpenBLAS's core type).
 */
public record BackendInfo(Backend backend, String library, String version, int threads, String details) {}
