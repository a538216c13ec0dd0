package dev.prunebench.nn;

import java.awt.Color;

/** Colours shared by the Section 4 figures (the paper's: input layer red, output layer blue). */
final class NnNames {
  private NnNames() {}

  static final Color MI = NnCharts.BLUE;
  static final Color HI = NnCharts.GREEN;
  static final Color NI = NnCharts.ORANGE;
  static final Color W = NnCharts.RED;
  static final Color V = NnCharts.BLUE;
  static final Color W_LIGHT = new Color(0xE59866);
  static final Color V_LIGHT = new Color(0x85C1E9);
}
