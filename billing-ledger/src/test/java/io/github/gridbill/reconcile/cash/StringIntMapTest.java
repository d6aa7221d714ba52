package io.github.gridbill.reconcile.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class StringIntMapTest {

  @Test
  void holdsFarMoreKeysThanItsExpectedSize() {
    StringIntMap m = new StringIntMap(4);
    for (int i = 0; i < 10_000; i++) {
      assertThat(m.putIfAbsent("K" + i, i)).isEqualTo(-1);
    }
    assertThat(m.size()).isEqualTo(10_000);
    for (int i = 0; i < 10_000; i++) {
      assertThat(m.get("K" + i)).isEqualTo(i);
      assertThat(m.putIfAbsent("K" + i, -7)).isEqualTo(i);
    }
    assertThat(m.get("missing")).isEqualTo(-1);
  }

  @Test
  void anIndexWithOneOpenItemPerAccountIsBuiltAndFound() {
    // the account table is sized for about four items per account; a utility run has one per account
    List<OpenItem> items = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      items.add(OpenItem.builder().accountId("ACC-" + i).invoiceNumber("INV-" + i)
          .issueDate(LocalDate.of(2025, 4, 1)).dueDate(LocalDate.of(2025, 4, 22))
          .openAmount(Money.parse("USD 10.00")).disputed(false).build());
    }
    OpenItemIndex index = OpenItemIndex.of(items);
    assertThat(index.accountCount()).isEqualTo(2_000);
    assertThat(index.itemsOf("ACC-1999")).extracting(OpenItem::invoiceNumber).containsExactly("INV-1999");
    assertThat(index.item("inv-7")).map(OpenItem::accountId).hasValue("ACC-7");
  }
}
