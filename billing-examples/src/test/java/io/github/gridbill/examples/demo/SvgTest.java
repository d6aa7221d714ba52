package io.github.gridbill.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's charts: round axis values. */
class SvgTest {

  @Test
  void aStepIsARoundMultipleOfAPowerOfTen() {
    assertThat(Svg.niceStep(401.3)).isEqualTo(500);
    assertThat(Svg.niceStep(400)).isEqualTo(400);
    assertThat(Svg.niceStep(379.03)).isEqualTo(400);
    assertThat(Svg.niceStep(100)).isEqualTo(100);
    assertThat(Svg.niceStep(101)).isEqualTo(200);
    assertThat(Svg.niceStep(2.3)).isEqualTo(2.5);
    assertThat(Svg.niceStep(0.55)).isCloseTo(0.6, within(1e-12));
    assertThat(Svg.niceStep(8000.1)).isEqualTo(10_000);
  }

  @Test
  void aLineChartLabelsItsAxisAtRoundAmounts() {
    // a bill to date reaching 1,486.41: four steps of 400 (1,486.41 × 1.02 / 4 = 379.03)
    String svg = Svg.lines("bill", 31, List.of(new Svg.Line("to date", new double[] {0, 10, 31},
        new double[] {0, 824.60, 1486.41}, "#1f77b4", false)), "USD");
    assertThat(svg).contains(">0<").contains(">400<").contains(">800<").contains(">1,200<").contains(">1,600<");
  }
}
