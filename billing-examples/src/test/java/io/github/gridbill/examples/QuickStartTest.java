package io.github.gridbill.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void quickStartRatesTheDocumentedBill() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[0]);
    } finally {
      System.setOut(old);
    }
    // 2,972 × 151.4 Wh = 449.9608 kWh: 100 × 0.10 + 200 × 0.15 + 149.9608 × 0.20 = 10 + 30 + 29.99 (+7.57 fixed)
    assertThat(buf.toString(StandardCharsets.UTF_8))
        .contains("2972 intervals")
        .contains("Total USD 77.56")
        .contains("449.9608 kWh");
  }
}
