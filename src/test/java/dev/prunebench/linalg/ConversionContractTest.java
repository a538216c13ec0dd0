package dev.prunebench.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.util.Rng;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract of {@link Conversions}: boundary → native → boundary is a bitwise identity for every shape
 * and every finite double (signed zero, subnormals, the extremes), with the right dimensions, and the
 * native copy is independent of the boundary matrix it came from.
 */
@ExtendWith(ContractErrors.class)
class ConversionContractTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void roundTripIsExactForEveryShapeAndSpecialValue(Backend backend) {
    roundTrip(TestBackends.create(backend), backend);
  }

  static <M> void roundTrip(LinearAlgebraBackend<M> b, Backend backend) {
    int[][] shapes = {{1, 1}, {1, 13}, {13, 1}, {37, 53}, {120, 200}};
    double[] specials = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        1e-300, Math.PI, -1.0 / 3};
    int mismatches = 0;
    for (int[] s : shapes) {
      double[] d = Rng.gaussian(Rng.of(Check.seed("conv", s[0], s[1])), s[0], s[1]).toArray();
      for (int k = 0; k < d.length; k++) {
        if (k % 5 == 0) {
          d[k] = specials[(k / 5) % specials.length];
        }
      }
      Matrix m = Matrix.of(s[0], s[1], d);
      M native1 = b.fromBoundary(m);
      assertThat(b.rows(native1)).as("%s rows", backend.cliName()).isEqualTo(s[0]);
      assertThat(b.cols(native1)).as("%s cols", backend.cliName()).isEqualTo(s[1]);
      Matrix back = b.toBoundary(native1);
      Matrix again = b.toBoundary(native1);
      int bad = 0;
      int first = -1;
      for (int k = 0; k < d.length; k++) {
        if (Double.doubleToRawLongBits(back.getFlat(k)) != Double.doubleToRawLongBits(d[k])) {
          bad++;
          first = first < 0 ? k : first;
        }
      }
      mismatches += bad;
      // Matrix.equals compares bit patterns (Arrays.equals on double[]), so −0.0 must stay −0.0
      assertThat(back).as("%s round trip %dx%d: %d entries differ, first at flat index %d", backend.cliName(),
          s[0], s[1], bad, first).isEqualTo(m);
      assertThat(again).as("toBoundary twice").isEqualTo(m);
      // the native copy must not share storage with what toBoundary handed out
      back.toArray()[0] = 42;
      assertThat(b.toBoundary(native1)).isEqualTo(m);
      b.release(native1);
    }
    ContractErrors.record(backend, "conversion", "round-trip bit mismatches", mismatches, 0);
  }
}
