package io.github.gridbill.reconcile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.gridbill.core.DataFormatException;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The RFC 4180 reader and writer: quoting both ways, line numbers, and one test per malformed-quoting rule. */
class CsvTest {

  static List<Csv.Row> read(String text) throws IOException {
    return Csv.read(new StringReader(text), ',', "t.csv");
  }

  @Test
  void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws IOException {
    List<Csv.Row> rows = read("\uFEFFa,\"b,\"\"c\"\"\"\r\n\"multi\nline\",\r\n\r\nlast,\"\"");
    assertThat(rows).extracting(Csv.Row::fields).containsExactly(List.of("a", "b,\"c\""),
        List.of("multi\nline", ""), List.of("last", ""));
    assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 5);
  }

  @Test
  void readsOtherDelimiters() throws IOException {
    assertThat(Csv.read(new StringReader("1;2,5\n"), ';', "t").get(0).fields()).containsExactly("1", "2,5");
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsRefused() {
    assertThatExceptionOfType(DataFormatException.class).isThrownBy(() -> read("a,b\"c\n"))
        .withMessage("t.csv at line 1: field 2 must be quoted as a whole to contain a quote: b\"");
  }

  @Test
  void textAfterAClosingQuoteIsRefused() {
    assertThatExceptionOfType(DataFormatException.class).isThrownBy(() -> read("x\n\"a\"b,c\n"))
        .withMessage("t.csv at line 2: field 1 must end after its closing quote: b");
  }

  @Test
  void anUnclosedQuoteIsRefused() {
    assertThatExceptionOfType(DataFormatException.class).isThrownBy(() -> read("x\ny,\"abc\nd"))
        .withMessage("t.csv at line 2: field 2 must close its quote before the end of the input: \"abc\nd");
  }

  @Test
  void quotesOnlyWhenNeeded() throws IOException {
    assertThat(Csv.quote("plain")).isEqualTo("plain");
    assertThat(Csv.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.quote(" padded")).isEqualTo("\" padded\"");
    StringBuilder sb = new StringBuilder();
    Csv.writeRow(sb, "a", "b,c", "");
    assertThat(sb).hasToString("a,\"b,c\",\r\n");
  }

  @Test
  void aTableIsWrittenToOneString() {
    Csv.Table table = out -> {
      Csv.writeRow(out, "invoice", "amount");
      Csv.writeRow(out, "INV-1, April", "10.00");
    };
    assertThat(Csv.text(table)).isEqualTo("invoice,amount\r\n\"INV-1, April\",10.00\r\n");
  }

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> field = Arbitraries.strings().withChars("ab ,\"\r\n;x1").ofMaxLength(6);
    return field.list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(5);
  }

  @Property(tries = 300)
  void whatIsWrittenReadsBack(@ForAll("tables") List<List<String>> table) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (List<String> row : table) {
      Csv.writeRow(sb, row.toArray(new String[0]));
    }
    List<Csv.Row> back = read(sb.toString());
    // a row of one empty field is written as an empty line, which the reader skips
    List<List<String>> expected = table.stream().filter(r -> !(r.size() == 1 && r.get(0).isEmpty())).toList();
    assertThat(back).extracting(Csv.Row::fields).isEqualTo(expected);
  }
}
