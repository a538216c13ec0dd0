package dev.prunebench.linalg;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.linalg.LeastSquaresContractTest.Case;
import dev.prunebench.linalg.MutantBackend.Mutation;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract suite can fail: each planted bug of {@link MutantBackend} (on top of the reference
 * backend) makes the check that is meant to catch it throw an {@link AssertionError}. Nothing is
 * recorded in {@link ContractErrors} while the mutants run.
 */
class ContractSuiteCatchesBugsTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mutation.class)
  void everyPlantedBugIsCaughtByTheContractSuite(Mutation mutation) {
    MutantBackend<?> m = MutantBackend.of(Backend.REFERENCE, mutation);
    Backend label = Backend.REFERENCE;
    assertThatThrownBy(() -> ContractErrors.suppressed(() -> {
      switch (mutation) {
        case HESSIAN_SLIGHTLY_OFF -> HessianDiagonalContractTest.check(m, label,
            new HessianDiagonalContractTest.Case(MatrixClass.GAUSSIAN, 30, 50));
        case CHOLESKY_NEVER_THROWS -> LeastSquaresContractTest.rankDeficientSolve(m, label,
            new Case(MatrixClass.DUPLICATED_ROWS, 30, 50));
        case GEMM_ONE_ENTRY_OFF -> ProductsContractTest.gemm(m, label, new ProductsContractTest.Shape(30, 50, 40), "");
        case TIES_TO_HIGHER_INDEX -> ThresholdingContractTest.ties(m, label);
        case SOFTMAX_WITHOUT_MAX_SHIFT -> ElementwiseContractTest.hugeSoftmax(m, label);
        case NOT_MINIMUM_NORM -> LeastSquaresContractTest.fullRankSolve(m, label,
            new Case(MatrixClass.GAUSSIAN, 30, 50));
        case QR_BASIC_SOLUTION -> LeastSquaresContractTest.rankDeficientSolve(m, label,
            new Case(MatrixClass.DUPLICATED_COLUMNS, 50, 30));
        case RCOND_IGNORED -> LeastSquaresContractTest.rcondTruncation(m, label);
        case CONVERSION_COLUMN_MAJOR -> ConversionContractTest.roundTrip(m, label);
        case FIRST_RHS_ONLY -> LeastSquaresContractTest.fullRankSolve(m, label,
            new Case(MatrixClass.GAUSSIAN, 50, 30));
        case GEMM_BETA_IGNORED -> InPlaceContractTest.gemm(m, label, new InPlaceContractTest.Shape(9, 13));
        case MOMENTUM_STEP_IGNORES_MASK, CROSS_ENTROPY_GRADIENT_NOT_AVERAGED, RELU_BACKWARD_AT_ZERO ->
            InPlaceContractTest.fused(m, label, new InPlaceContractTest.Shape(9, 13));
        case KERNEL_RESCANS_FOR_NAN -> ValidationContractTest.pipelineNan(m, label);
        case MULTIPLY_UNCHECKED -> {
          SoftAssertions soft = new SoftAssertions();
          BadInputContractTest.badInputs(m, label, soft);
          soft.assertAll();
        }
      }
    })).as("the contract suite must catch %s", mutation).isInstanceOf(AssertionError.class);
  }
}
