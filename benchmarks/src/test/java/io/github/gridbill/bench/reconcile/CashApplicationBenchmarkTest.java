package io.github.gridbill.bench.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gridbill.reconcile.cash.CashApplicationReport;
import io.github.gridbill.reconcile.cash.ExceptionReason;
import io.github.gridbill.reconcile.cash.RuleKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cash-application benchmark at a tiny size: its inputs produce the intended 80/15/5 mix. */
class CashApplicationBenchmarkTest {

  @Test
  void inputsMatchEightyByReferenceFifteenByAmountAndFiveNot() {
    CashApplicationBenchmark b = new CashApplicationBenchmark();
    b.openItems = 2000;
    b.bankLines = 200;
    b.setup();
    assertThat(b.items).hasSize(2000);
    assertThat(b.payments).hasSize(200);
    CashApplicationReport r = b.applyPrebuiltIndex();
    assertThat(r.matchedCount()).isEqualTo(190);
    assertThat(r.matchesByRule().get(RuleKind.REFERENCE)).isEqualTo(160);
    assertThat(r.exceptionsByReason()).isEqualTo(Map.of(ExceptionReason.NO_PAYER, 10));
    assertThat(b.indexAndApply().matchedCount()).isEqualTo(190);
    assertThat(b.indexOnly().size()).isEqualTo(2000);
    assertThat(b.bareHashMapLookup()).isPositive();
  }
}
