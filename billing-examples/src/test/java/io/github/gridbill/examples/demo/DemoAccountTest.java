package io.github.gridbill.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated customers at the demo's default size: every name is unique within its book, so the payer directory
 * knows every account, and making the names unique changes nothing else.
 */
class DemoAccountTest {

  private static final DemoScenario DEFAULT = DemoScenario.of(DemoScenario.DEFAULT_ACCOUNTS, DemoScenario.DEFAULT_SEED,
      1);

  @Test
  void thePayerDirectoryKnowsEveryAccountOfEachBook() {
    List<DemoAccount> accounts = DemoAccount.generateAll(DEFAULT);
    assertThat(accounts).hasSize(DemoScenario.DEFAULT_ACCOUNTS);
    for (DemoBook b : DemoBook.values()) {
      Map<String, String> directory = DemoCash.payerDirectory(accounts, b);
      List<DemoAccount> book = accounts.stream().filter(a -> a.book() == b).toList();
      assertThat(directory).as("directory of %s", b).hasSize(book.size());
      for (DemoAccount a : book) {
        assertThat(directory.get(a.account().name().toUpperCase(Locale.ROOT))).isEqualTo(a.id());
      }
    }
  }

  @Test
  void onlyTheNameChangesAndTheFirstHolderOfANameKeepsIt() {
    List<DemoAccount> accounts = DemoAccount.generateAll(DEFAULT);
    Map<String, Integer> firstHolder = new HashMap<>();
    int renamed = 0;
    for (DemoAccount a : accounts) {
      DemoAccount plain = DemoAccount.generate(DEFAULT, a.index());
      assertThat(a.account().withName(plain.account().name())).isEqualTo(plain.account());
      assertThat(a.payer()).isEqualTo(plain.payer());
      assertThat(a.seed()).isEqualTo(plain.seed());
      String base = plain.book() + "/" + plain.account().name();
      if (firstHolder.putIfAbsent(base, a.index()) == null) {
        assertThat(a.account().name()).isEqualTo(plain.account().name());
      } else {
        renamed++;
        // "Aarav K. Sharma" for "Aarav Sharma", "R. K. Sharma Bakery" for "Sharma Bakery"
        String name = plain.account().name();
        int space = name.indexOf(' ');
        assertThat(a.account().name()).matches(a.kind().isBusiness()
            ? "([A-Z]\\. )+" + Pattern.quote(name)
            : Pattern.quote(name.substring(0, space)) + " ([A-Z]\\. )+" + Pattern.quote(name.substring(space + 1)));
      }
    }
    assertThat(renamed).as("names shared before they were made unique").isPositive();
    assertThat(DemoAccount.generateAll(DEFAULT).stream().map(a -> a.account().name()).toList())
        .as("the same names on a re-run").isEqualTo(accounts.stream().map(a -> a.account().name()).toList());
  }
}
