package io.github.gridbill.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets compile as written: each {@code ```java} block quotes, line for line and in order, the
 * source file the README links just before it, and that file is compiled and run by this module's tests.
 */
class ReadmeCodeTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)]+\\.java)\\)");

  @Test
  void everyJavaBlockQuotesTheLinkedSourceFileInOrder() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> readme = Files.readAllLines(root.resolve("README.md"));
    int blocks = 0;
    String linked = null;
    for (int i = 0; i < readme.size(); i++) {
      Matcher m = LINK.matcher(readme.get(i));
      while (m.find()) {
        linked = m.group(1);
      }
      if (!readme.get(i).equals("```java")) {
        continue;
      }
      assertThat(linked).as("the source file linked before the java block at README line %d", i + 1).isNotNull();
      List<String> block = new ArrayList<>();
      for (i++; !readme.get(i).equals("```"); i++) {
        if (!readme.get(i).isBlank()) {
          block.add(readme.get(i).strip());
        }
      }
      List<String> source = Files.readAllLines(root.resolve(linked)).stream().map(String::strip).toList();
      int at = 0;
      for (String line : block) {
        int found = source.subList(at, source.size()).indexOf(line);
        assertThat(found).as("README line \"%s\" is in %s after line %d", line, linked, at).isNotNegative();
        at += found + 1;
      }
      blocks++;
    }
    assertThat(blocks).isGreaterThanOrEqualTo(3);
  }
}
