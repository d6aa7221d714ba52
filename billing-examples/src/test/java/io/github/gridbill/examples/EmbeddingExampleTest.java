package io.github.gridbill.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.ledger.AgingReport;
import io.github.gridbill.ledger.AgingRow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingExampleTest {

  @Test
  void theUnpaidRestOfTheBillIsOneToThirtyDaysPastDueAndARerunPostsNothingNew(@TempDir Path folder) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    AgingReport first;
    AgingReport second;
    try {
      first = EmbeddingExample.run(folder);
      second = EmbeddingExample.run(folder);
    } finally {
      System.setOut(old);
    }
    // the bill is USD 77.56 (QuickStartTest), due 2024-04-22; USD 40.00 paid leaves USD 37.56, 28 days late on 05-20
    AgingRow row = first.rows().get(0);
    assertThat(first.rows()).hasSize(1);
    assertThat(row.accountId()).isEqualTo("ACC-1");
    assertThat(row.total()).isEqualTo(Money.parse("USD 37.56"));
    assertThat(row.buckets().get(first.labels().indexOf("1-30"))).isEqualTo(Money.parse("USD 37.56"));
    assertThat(second).isEqualTo(first);
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("ACC-1").contains("journal intact: true");
  }
}
