package io.github.gridbill.ledger.journal;

import io.github.gridbill.core.NotFoundException;
import io.github.gridbill.core.ValidationException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable journal: one append-only file, {@value #FILE_NAME}, in a folder, written with group commit.
 *
 * <p>{@code FileJournalStore.open(Path.of("/data/ledger"))} opens (or creates) the journal in that folder. The file is
 * a magic number followed by length-framed records, each with a CRC32C of its length, its sequence, its payload, its
 * chain hash and a CRC32C of the whole frame (format in LEDGER.md).
 *
 * <p><b>Durability contract.</b> {@link #append} only queues a record in memory. {@link #sync(long)} returns once the
 * record and every earlier one have been written and forced to the storage device ({@code FileChannel.force}); from
 * then on they survive a crash of the process or the machine, provided the device honours the flush. Records that were
 * appended but not synced may be lost in a crash, wholly or as a torn tail; never a synced one. A store whose write or
 * flush fails refuses every later append and sync with a {@link JournalException}: reopen it to recover.
 *
 * <p><b>Group commit.</b> The first caller of {@code sync} that finds no flush running becomes the leader: it takes
 * every record queued so far (by any thread), writes them with one gathering write and one {@code force}, then wakes
 * the callers whose records that flush made durable, and one caller still waiting (if any) to lead the next flush;
 * callers arriving meanwhile wait and are usually covered by the next flush, so N concurrent callers share far fewer
 * than N flushes. Waking only those (not every waiter) keeps many callers from queueing for the CPU after each flush.
 * Independently, once 4 MiB are queued without a sync, the appender flushes them itself.
 *
 * <p><b>Recovery on open.</b> The file is walked from the start, checking every frame and the hash chain. A torn tail
 * (an incomplete last frame, or a last frame whose failing checksum lies in trailing zero bytes) is truncated away and
 * logged; any other damage is refused with a {@link JournalCorruptedException} naming the byte offset, and nothing is
 * changed. Opening holds an exclusive file lock until {@link #close()}, so a folder is open in at most one store.
 *
 * <p>Thread-safe.
 */
public final class FileJournalStore implements JournalStore {
  /** The journal file's name inside its folder. */
  public static final String FILE_NAME = "journal.gbj";

  private static final Logger LOG = LoggerFactory.getLogger(FileJournalStore.class);
  private static final long AUTO_FLUSH_BYTES = 4L << 20;

  private final Path file;
  private final String name;
  private final FileChannel channel;
  private final FileLock fileLock;
  private final long truncatedBytes;
  private final ReentrantLock lock = new ReentrantLock();
  /** Callers waiting in {@link #sync} for their sequence to be written, in arrival order, each with its condition. */
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private final MessageDigest sha = Frames.sha256();
  private final LongList offsets = new LongList();
  private final List<byte[]> unwritten = new ArrayList<>();
  private long unwrittenBytes;
  private long lastSequence;
  private byte[] lastHash;
  private long appendEnd;
  private long writtenSequence;
  private byte[] writtenHash;
  private long writtenEnd;
  private boolean flushing;
  private long flushes;
  private @Nullable IOException failure;
  private boolean closed;

  private FileJournalStore(Path file, FileChannel channel, FileLock fileLock, FrameScanner.Outcome scanned,
      long truncatedBytes, LongList scannedOffsets) {
    this.file = file;
    this.name = file.toString();
    this.channel = channel;
    this.fileLock = fileLock;
    this.truncatedBytes = truncatedBytes;
    for (int i = 0; i < scannedOffsets.size(); i++) {
      offsets.add(scannedOffsets.get(i));
    }
    this.lastSequence = scanned.lastSequence;
    this.lastHash = scanned.lastHash;
    this.writtenSequence = scanned.lastSequence;
    this.writtenHash = scanned.lastHash;
    this.appendEnd = scanned.end;
    this.writtenEnd = scanned.end;
  }

  /**
   * Opens the journal in a folder, creating the folder and an empty journal if needed, and recovers it.
   *
   * <p>A torn tail is truncated (see the class overview); {@link #truncatedBytes()} says how many bytes went.
   *
   * @param directory the folder, not null
   * @return the open store, never null
   * @throws JournalCorruptedException if the file is damaged other than at a torn tail (nothing is changed)
   * @throws JournalException if the folder cannot be used, or the journal is already open in another store
   */
  public static FileJournalStore open(Path directory) {
    Objects.requireNonNull(directory, "directory");
    Path file = directory.resolve(FILE_NAME);
    FileChannel channel;
    try {
      Files.createDirectories(directory);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new JournalException("journal", file, "could not be opened", e);
    }
    boolean ok = false;
    try {
      FileLock fileLock;
      try {
        fileLock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        fileLock = null;
      }
      if (fileLock == null) {
        throw new JournalException("journal", file, "must not be open in another store", null);
      }
      FileJournalStore store = recover(file, channel, fileLock);
      ok = true;
      return store;
    } catch (IOException e) {
      throw new JournalException("journal", file, "could not be opened", e);
    } finally {
      if (!ok) {
        try {
          channel.close();
        } catch (IOException e) {
          LOG.warn("closing {} after a failed open failed", file, e);
        }
      }
    }
  }

  private static FileJournalStore recover(Path file, FileChannel channel, FileLock fileLock) throws IOException {
    String name = file.toString();
    long size = channel.size();
    byte[] head = new byte[(int) Math.min(size, Frames.FILE_HEADER_BYTES)];
    ByteBuffer hb = ByteBuffer.wrap(head);
    while (hb.hasRemaining() && channel.read(hb, hb.position()) >= 0) {
      // read the header
    }
    if (size < Frames.FILE_HEADER_BYTES) {
      if (!isTornHeader(head)) {
        throw new JournalCorruptedException(name, 0, 0, "journal", HexFormat.of().formatHex(head),
            "must start with the magic GBJRNL01");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(Frames.MAGIC), 0);
      channel.force(true);
      syncDirectory(file.getParent());
      size = Frames.FILE_HEADER_BYTES;
    } else if (!Arrays.equals(head, Frames.MAGIC)) {
      throw new JournalCorruptedException(name, 0, 0, "journal", HexFormat.of().formatHex(head),
          "must start with the magic GBJRNL01");
    }
    LongList offsets = new LongList();
    FrameScanner.Outcome out = FrameScanner.scan(channel, Frames.FILE_HEADER_BYTES, size, 1, Frames.GENESIS,
        (offset, sequence, payload, hash) -> offsets.add(offset));
    long truncated = 0;
    if (!out.clean()) {
      if (!out.torn) {
        throw new JournalCorruptedException(name, out.problemOffset, out.lastSequence + 1,
            Objects.requireNonNull(out.problem));
      }
      truncated = size - out.end;
      LOG.warn("journal {}: truncated a torn tail of {} bytes at byte offset {} after record #{} ({})", name,
          truncated, out.end, out.lastSequence, out.problem);
      channel.truncate(out.end);
      channel.force(true);
    }
    channel.position(out.end);
    return new FileJournalStore(file, channel, fileLock, out, truncated, offsets);
  }

  /** A file shorter than the magic is a torn creation if it holds a prefix of the magic, or zeros. */
  private static boolean isTornHeader(byte[] head) {
    boolean prefix = true;
    boolean zeros = true;
    for (int i = 0; i < head.length; i++) {
      prefix &= head[i] == Frames.MAGIC[i];
      zeros &= head[i] == 0;
    }
    return prefix || zeros;
  }

  private static void syncDirectory(@Nullable Path directory) {
    if (directory == null) {
      return;
    }
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      LOG.debug("this platform cannot fsync the folder {}", directory, e);
    }
  }

  /**
   * The journal file.
   *
   * @return the path, never null
   */
  public Path file() {
    return file;
  }

  /**
   * How many bytes of torn tail were truncated when this store was opened: 0 after a clean shutdown.
   *
   * @return the bytes removed
   */
  public long truncatedBytes() {
    return truncatedBytes;
  }

  @Override
  public long lastSequence() {
    lock.lock();
    try {
      return lastSequence;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void append(long sequence, byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new ValidationException("payload", payload.length + " bytes", "must be at most " + MAX_PAYLOAD_BYTES
          + " bytes");
    }
    boolean flushNow;
    lock.lock();
    try {
      requireUsable();
      if (sequence != lastSequence + 1) {
        throw new ValidationException("sequence", sequence, "must be the next sequence " + (lastSequence + 1));
      }
      byte[] hash = Frames.chain(sha, lastHash, sequence, payload);
      byte[] frame = Frames.frame(sequence, payload, hash);
      unwritten.add(frame);
      unwrittenBytes += frame.length;
      offsets.add(appendEnd);
      appendEnd += frame.length;
      lastSequence = sequence;
      lastHash = hash;
      flushNow = unwrittenBytes >= AUTO_FLUSH_BYTES && !flushing;
    } finally {
      lock.unlock();
    }
    if (flushNow) {
      sync(sequence);
    }
  }

  @Override
  public void sync(long sequence) {
    lock.lock();
    try {
      if (sequence < 0 || sequence > lastSequence) {
        throw new ValidationException("sequence", sequence, "must be 0 to the last appended sequence "
            + lastSequence);
      }
      Waiter me = null;
      try {
        while (writtenSequence < sequence) {
          requireUsable();
          if (!flushing) {
            flush();
            continue;
          }
          if (me == null) {
            me = new Waiter(sequence, lock.newCondition());
            waiters.add(me);
          }
          me.ready.awaitUninterruptibly();
        }
      } finally {
        if (me != null) {
          waiters.remove(me);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** A caller waiting for {@code sequence} to be written. */
  private static final class Waiter {
    final long sequence;
    final Condition ready;

    Waiter(long sequence, Condition ready) {
      this.sequence = sequence;
      this.ready = ready;
    }
  }

  /**
   * After a flush (lock held): wakes every waiter the flush covered and the first one it did not, who leads the next
   * flush (unless another caller already does; then that flush wakes the next). After a failure, wakes everyone.
   */
  private void wakeWaiters(boolean all) {
    boolean leaderWoken = false;
    for (Waiter w : waiters) {
      if (all || w.sequence <= writtenSequence) {
        w.ready.signal();
      } else if (!leaderWoken) {
        w.ready.signal();
        leaderWoken = true;
      }
    }
  }

  /** Writes and forces every queued frame; called with the lock held, releases it while writing. */
  private void flush() {
    flushing = true;
    int count = unwritten.size();
    ByteBuffer[] buffers = new ByteBuffer[count];
    for (int i = 0; i < count; i++) {
      buffers[i] = ByteBuffer.wrap(unwritten.get(i));
    }
    long batchBytes = unwrittenBytes;
    long batchSequence = lastSequence;
    byte[] batchHash = lastHash;
    long batchEnd = appendEnd;
    lock.unlock();
    IOException error = null;
    try {
      int i = 0;
      while (i < count) {
        channel.write(buffers, i, count - i);
        while (i < count && !buffers[i].hasRemaining()) {
          i++;
        }
      }
      channel.force(false);
    } catch (IOException e) {
      error = e;
    } finally {
      lock.lock();
    }
    flushing = false;
    if (error != null) {
      failure = error;
      wakeWaiters(true);
      LOG.error("journal {}: write failed; the store refuses further appends", name, error);
      throw new JournalException("journal", name, "could not be written", error);
    }
    flushes++;
    unwritten.subList(0, count).clear();
    unwrittenBytes -= batchBytes;
    writtenSequence = batchSequence;
    writtenHash = batchHash;
    writtenEnd = batchEnd;
    wakeWaiters(false);
  }

  @Override
  public JournalRecord read(long sequence) {
    long offset;
    lock.lock();
    try {
      requireOpen();
      if (sequence < 1 || sequence > lastSequence) {
        throw new NotFoundException("sequence", sequence, "must name a record 1 to " + lastSequence);
      }
      if (sequence > writtenSequence) {
        return parse(unwritten.get((int) (sequence - writtenSequence - 1)));
      }
      offset = offsets.get((int) (sequence - 1));
    } finally {
      lock.unlock();
    }
    try {
      ByteBuffer header = ByteBuffer.allocate(8);
      readFully(header, offset);
      int length = header.getInt(0);
      if (Frames.lengthCrc(length) != header.getInt(4) || length < 0 || length > MAX_PAYLOAD_BYTES) {
        throw new JournalCorruptedException(name, offset, sequence, "header must pass its checksum");
      }
      ByteBuffer frame = ByteBuffer.allocate((int) Frames.frameSize(length));
      readFully(frame, offset);
      byte[] bytes = frame.array();
      if (Frames.crc(bytes, 0, bytes.length - 4) != frame.getInt(bytes.length - 4)
          || frame.getLong(8) != sequence) {
        throw new JournalCorruptedException(name, offset, sequence, "must pass its frame checksum");
      }
      return parse(bytes);
    } catch (IOException e) {
      throw new JournalException("journal", name, "could not be read", e);
    }
  }

  private void readFully(ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new EOFException("journal ended at byte " + at);
      }
      at += n;
    }
  }

  private static JournalRecord parse(byte[] frame) {
    ByteBuffer b = ByteBuffer.wrap(frame);
    int length = b.getInt(0);
    long sequence = b.getLong(8);
    byte[] payload = Arrays.copyOfRange(frame, 16, 16 + length);
    byte[] hash = Arrays.copyOfRange(frame, 16 + length, 16 + length + Frames.HASH_BYTES);
    return new JournalRecord(sequence, payload, hash);
  }

  @Override
  public void forEach(long fromSequence, Consumer<? super JournalRecord> action) {
    Objects.requireNonNull(action, "action");
    if (fromSequence < 1) {
      throw new ValidationException("fromSequence", fromSequence, "must be at least 1");
    }
    long start;
    long end;
    long written;
    List<byte[]> pending;
    lock.lock();
    try {
      requireOpen();
      written = writtenSequence;
      end = writtenEnd;
      start = fromSequence <= written ? offsets.get((int) (fromSequence - 1)) : end;
      pending = new ArrayList<>(unwritten);
    } finally {
      lock.unlock();
    }
    if (fromSequence <= written) {
      byte[] previous = fromSequence == 1 ? Frames.GENESIS : read(fromSequence - 1).rawHash();
      FrameScanner.Outcome out;
      try {
        out = FrameScanner.scan(channel, start, end, fromSequence, previous,
            (offset, sequence, payload, hash) -> action.accept(new JournalRecord(sequence, payload, hash)));
      } catch (IOException e) {
        throw new JournalException("journal", name, "could not be read", e);
      }
      if (!out.clean()) {
        throw new JournalCorruptedException(name, out.problemOffset, out.lastSequence + 1,
            Objects.requireNonNull(out.problem));
      }
    }
    for (byte[] frame : pending) {
      JournalRecord r = parse(frame);
      if (r.sequence() >= fromSequence) {
        action.accept(r);
      }
    }
  }

  @Override
  public Checkpoint checkpoint() {
    lock.lock();
    try {
      requireOpen();
      return lastSequence == 0 ? Checkpoint.genesis()
          : Checkpoint.of(lastSequence, HexFormat.of().formatHex(lastHash));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public VerificationReport verify() {
    long end;
    long written;
    byte[] heldHash;
    lock.lock();
    try {
      requireOpen();
      end = writtenEnd;
      written = writtenSequence;
      heldHash = writtenHash;
    } finally {
      lock.unlock();
    }
    try {
      long size = channel.size();
      FrameScanner.Outcome out = FrameScanner.scan(channel, Frames.FILE_HEADER_BYTES, Math.min(end, size), 1,
          Frames.GENESIS, null);
      Checkpoint tip = out.lastSequence == 0 ? Checkpoint.genesis()
          : Checkpoint.of(out.lastSequence, HexFormat.of().formatHex(out.lastHash));
      VerificationReport.Builder report = VerificationReport.builder().recordsChecked(out.records).tip(tip);
      if (!out.clean()) {
        report.firstBroken(BrokenLink.of(out.lastSequence + 1, out.problemOffset, "record " + out.problem));
      } else if (out.lastSequence < written) {
        report.firstBroken(BrokenLink.of(out.lastSequence + 1, out.end,
            "record must be present (the file ends at byte " + size + ")"));
      } else if (!MessageDigest.isEqual(out.lastHash, heldHash)) {
        report.firstBroken(BrokenLink.of(written, offsets(written),
            "record must carry the chain hash this store held since writing it (the file was rewritten)"));
      }
      return report.build();
    } catch (IOException e) {
      throw new JournalException("journal", name, "could not be read", e);
    }
  }

  private long offsets(long sequence) {
    lock.lock();
    try {
      return offsets.get((int) (sequence - 1));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public CheckpointStatus compare(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    long limit;
    lock.lock();
    try {
      requireOpen();
      if (checkpoint.sequence() > lastSequence) {
        return CheckpointStatus.NOT_REACHED;
      }
      if (checkpoint.sequence() == 0) {
        return CheckpointStatus.MATCHES;
      }
    } finally {
      lock.unlock();
    }
    sync(checkpoint.sequence());
    lock.lock();
    try {
      limit = checkpoint.sequence() < offsets.size() ? offsets.get((int) checkpoint.sequence()) : writtenEnd;
    } finally {
      lock.unlock();
    }
    try {
      FrameScanner.Outcome out = FrameScanner.scan(channel, Frames.FILE_HEADER_BYTES, limit, 1, Frames.GENESIS,
          null);
      if (!out.clean() || out.lastSequence != checkpoint.sequence()) {
        return CheckpointStatus.DIFFERS;
      }
      return HexFormat.of().formatHex(out.lastHash).equals(checkpoint.hash()) ? CheckpointStatus.MATCHES
          : CheckpointStatus.DIFFERS;
    } catch (EOFException e) {
      return CheckpointStatus.NOT_REACHED;
    } catch (IOException e) {
      throw new JournalException("journal", name, "could not be read", e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
    } finally {
      lock.unlock();
    }
    boolean failed;
    lock.lock();
    try {
      failed = failure != null;
    } finally {
      lock.unlock();
    }
    try {
      if (!failed) {
        sync(lastSequence());
      }
    } finally {
      lock.lock();
      try {
        closed = true;
        try {
          fileLock.release();
          channel.close();
        } catch (IOException e) {
          LOG.warn("journal {}: closing failed", name, e);
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * How many flushes (one gathering write plus one {@code force}) this store has done since it was opened: with
   * {@link #lastSequence()} it shows group commit at work (entries appended per flush), for monitoring and tests.
   *
   * <p>Eight threads each posting 1,000 entries with a {@code sync} per entry saw about 1,900 flushes on the
   * benchmark machine (BENCHMARKS.md): about four entries per flush instead of one.
   *
   * @return the number of flushes, 0 for a store that has written nothing since it was opened
   */
  public long flushes() {
    lock.lock();
    try {
      return flushes;
    } finally {
      lock.unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new JournalException("journal", name, "must be open", null);
    }
  }

  private void requireUsable() {
    requireOpen();
    if (failure != null) {
      throw new JournalException("journal", name, "could not be written", failure);
    }
  }
}
