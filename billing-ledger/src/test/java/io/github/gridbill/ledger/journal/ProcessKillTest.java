package io.github.gridbill.ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL in the middle of group commits and checks that every acknowledged record is
 * in the journal when it is reopened. (A killed process leaves the page cache to the kernel, so this tests process
 * crashes; power loss additionally relies on {@code force} reaching the device.)
 */
class ProcessKillTest {
  @TempDir
  Path dir;

  @Test
  void killingTheWriterLosesNoAcknowledgedRecord() throws Exception {
    List<String> classPath = new ArrayList<>();
    for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        classPath.add(value);
      }
    }
    classPath.add(Path.of(CrashingWriter.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classPath),
        CrashingWriter.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long acknowledged = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      String line;
      while (acknowledged < 400 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
        acknowledged = Math.max(acknowledged, Long.parseLong(line.substring(4)));
      }
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(acknowledged).as("the writer acknowledged records before it was killed").isGreaterThanOrEqualTo(400);
    try (FileJournalStore store = FileJournalStore.open(dir)) {
      assertThat(store.lastSequence()).isGreaterThanOrEqualTo(acknowledged);
      List<Long> seen = new ArrayList<>();
      store.forEach(1, r -> {
        assertThat(r.payloadBytes()).isEqualTo(JournalStoreContract.payload(r.sequence()));
        seen.add(r.sequence());
      });
      assertThat(seen).hasSize((int) store.lastSequence());
      assertThat(store.verify().isIntact()).isTrue();
    }
  }
}
