package dev.prunebench.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prunebench.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LinearModelTest {

  @ParameterizedTest
  @EnumSource(ThetaProfile.class)
  void everyThetaProfileHasUnitNormAndIsNonIncreasing(ThetaProfile profile) {
    double[] v = profile.vector(1000);
    double n2 = 0;
    for (int i = 0; i < v.length; i++) {
      n2 += v[i] * v[i];
      if (i > 0) {
        assertThat(v[i]).isLessThanOrEqualTo(v[i - 1]);
      }
    }
    // A sum of 1000 squares: rounding ~1e-13.
    assertThat(n2).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void polynomialProfileIsThePapersOneOverOnePlusFourIOverPSquared() {
    double[] v = ThetaProfile.POLYNOMIAL.vector(1000);
    // Ratio θ̄_1 / θ̄_1000 = (1 + 4)² / (1 + 0.004)², independent of the normalisation.
    assertThat(v[0] / v[999]).isCloseTo(25 / Math.pow(1.004, 2), within(1e-12));
  }

  @Test
  void leadingLambdaScalesTheFirstTenthAsInEquation35() {
    LambdaProfile.Leading l = new LambdaProfile.Leading(5, 0.1);
    double[] d = l.diagonal(1000);
    assertThat(l.count(1000)).isEqualTo(100);
    assertThat(d[99]).isEqualTo(5);
    assertThat(d[100]).isEqualTo(1);
    // 0.3 · 10 = 2.9999999999999996 in doubles; the count must still be 3.
    assertThat(new LambdaProfile.Leading(2, 0.3).count(10)).isEqualTo(3);
    assertThat(new LambdaProfile.Explicit(new double[] {2, -3}, "custom").diagonal(2)).containsExactly(2, -3);
  }

  @Test
  void samplingIsReproducibleForASeedAndLabelsFollowTheModel() {
    LinearModel m = LinearModel.of(new LambdaProfile.Leading(5, 0.1), ThetaProfile.POLYNOMIAL, 50, 30, 0.0);
    LinearModel.Sample a = m.sample(Rng.of(9));
    LinearModel.Sample b = m.sample(Rng.of(9));
    assertThat(a.x()).isEqualTo(b.x());
    assertThat(a.y()).containsExactly(b.y());
    // σ = 0: y = Xθ̄ exactly (same summation order as the model).
    double[] theta = ThetaProfile.POLYNOMIAL.vector(50);
    for (int i = 0; i < 30; i++) {
      double s = 0;
      for (int j = 0; j < 50; j++) {
        s += a.x().get(i, j) * theta[j];
      }
      assertThat(a.y()[i]).isEqualTo(s);
    }
    // X_Λ = XΛ scales columns.
    assertThat(m.scaledDesign(a.x()).get(3, 4)).isEqualTo(5 * a.x().get(3, 4));
    assertThat(m.scaledDesign(a.x()).get(3, 5)).isEqualTo(a.x().get(3, 5));
  }

  @Test
  void badParametersAreRejectedNamingTheArgument() {
    assertThatThrownBy(() -> new LambdaProfile.Leading(0, 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lambda").hasMessageContaining("0.0");
    assertThatThrownBy(() -> new LambdaProfile.Leading(1, 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction");
    assertThatThrownBy(() -> Figure1Config.paper(1, 10, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trials");
    assertThatThrownBy(() -> Figure1Config.samplesFor(100, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kappa");
  }
}
