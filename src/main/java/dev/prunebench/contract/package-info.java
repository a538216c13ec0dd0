/**
 * Running the contract suite on one backend from the product ({@code prunebench check}): the suite itself
 * is the JUnit kit of the test-jar (one source of truth for {@code mvn verify}, a third party's build and
 * {@code check}); {@link dev.prunebench.contract.ContractKit} runs it in-process through the JUnit
 * Platform launcher and {@link dev.prunebench.contract.ContractLedger} collects each group's worst
 * normalised error.
 */
package dev.prunebench.contract;
