/**
 * {@code prunebench reproduce}: runs every experiment of the paper through its own subcommand
 * ({@link dev.prunebench.reproduce.Experiment}), times each, and writes the reports index
 * ({@link dev.prunebench.reproduce.ReportsIndex}) from the experiments' figures and
 * {@code claims.csv} files.
 */
package dev.prunebench.reproduce;
