package dev.prunebench.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PplsParametersTest {

  @Test
  void totalsAndConditionNumbersFollowTheorem43AndPropositionB2() {
    PplsParameters p = new PplsParameters(new double[] {1, 4}, new double[] {9, 16});
    assertThat(p.totalMu()).isEqualTo(5);
    assertThat(p.totalSmoothness()).isEqualTo(25);
    assertThat(p.kappa(0)).isEqualTo(9.0 / 5);
    assertThat(p.kappaTilde(1)).isEqualTo(4.0 / 25);
    assertThat(p.maxStepSize()).isEqualTo(1.0 / 25);
  }

  @Test
  void isImmutable() {
    double[] mu = {1, 2};
    PplsParameters p = new PplsParameters(mu, new double[] {3, 4});
    mu[0] = 99;
    p.mu()[1] = 99;
    assertThat(p.mu()).containsExactly(1, 2);
  }

  @Test
  void rejectsSmoothnessBelowMuAndAllZeroMu() {
    assertThatThrownBy(() -> new PplsParameters(new double[] {2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group 0").hasMessageContaining("L_i=1.0");
    assertThatThrownBy(() -> new PplsParameters(new double[] {0, 0}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mu");
    assertThatThrownBy(() -> new PplsParameters(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
