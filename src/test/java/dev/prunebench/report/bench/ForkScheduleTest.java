package dev.prunebench.report.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkScheduleTest {

  private static final List<String> BACKENDS = List.of("A", "B", "C");

  @Test
  void roundsRunInOrderAndAGroupsBackendsRunBackToBack() {
    ForkSchedule<String, String> s = new ForkSchedule<>(2, List.of("gemm", "copy"),
        g -> g.equals("copy") ? List.of("-") : BACKENDS, 5);
    List<ForkSchedule.Slot<String, String>> slots = s.slots();
    assertThat(slots).hasSize(2 * (3 + 1));
    assertThat(slots.subList(0, 4)).extracting(ForkSchedule.Slot::round).containsOnly(0);
    assertThat(slots.subList(0, 3)).extracting(ForkSchedule.Slot::group).containsOnly("gemm");
    assertThat(slots.subList(0, 3)).extracting(ForkSchedule.Slot::backend).containsExactlyInAnyOrderElementsOf(BACKENDS);
    assertThat(slots.get(3)).isEqualTo(new ForkSchedule.Slot<>(0, "copy", "-"));
  }

  @Test
  void overKRoundsEveryBackendTakesEveryPositionOnce() {
    ForkSchedule<String, String> s = new ForkSchedule<>(6, List.of("gemm"), g -> BACKENDS, 9);
    Map<String, int[]> positions = new HashMap<>();
    List<ForkSchedule.Slot<String, String>> slots = s.slots();
    for (int i = 0; i < slots.size(); i++) {
      positions.computeIfAbsent(slots.get(i).backend(), b -> new int[3])[i % 3]++;
    }
    // 6 rounds of 3 backends: each backend is first, second and third exactly twice
    positions.values().forEach(p -> assertThat(p).containsExactly(2, 2, 2));
    // consecutive rounds rotate by one: the order A B C becomes B C A
    List<String> r0 = slots.subList(0, 3).stream().map(ForkSchedule.Slot::backend).toList();
    List<String> r1 = slots.subList(3, 6).stream().map(ForkSchedule.Slot::backend).toList();
    assertThat(r1).containsExactly(r0.get(1), r0.get(2), r0.get(0));
  }

  @Test
  void theOrderIsFixedByTheSeedAndTheSeedChoosesEachGroupsStart() {
    List<String> groups = List.of("g1", "g2", "g3", "g4", "g5", "g6");
    assertThat(new ForkSchedule<>(3, groups, g -> BACKENDS, 1).slots())
        .isEqualTo(new ForkSchedule<>(3, groups, g -> BACKENDS, 1).slots());
    // the six groups of round 0 do not all start with the same backend (seeded random starts)
    List<ForkSchedule.Slot<String, String>> slots = new ForkSchedule<>(1, groups, g -> BACKENDS, 1).slots();
    assertThat(java.util.stream.IntStream.range(0, 6).mapToObj(g -> slots.get(3 * g).backend()).distinct())
        .hasSizeGreaterThan(1);
  }
}
