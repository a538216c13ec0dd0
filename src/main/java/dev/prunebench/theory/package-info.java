/**
 * Analytic predictions for the linear model of paper Section 3.1: the auxiliary distribution of
 * Definition 3.2 (solved with a guaranteed-convergent bracketed root finder), the analytic MP and HP
 * losses that follow eq. 3.4 estimated by Monte Carlo, and the closed forms they reduce to for
 * isotropic features (Hastie, Montanari, Rosset, Tibshirani 2019); and the Theorem 4.3 bounds
 * ({@code Theorem43Bounds}, {@code PplsParameters}).
 */
package dev.prunebench.theory;
