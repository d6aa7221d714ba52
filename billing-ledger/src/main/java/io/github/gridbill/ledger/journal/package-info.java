/**
 * The journal: an append-only, hash-chained log of opaque records, in memory or in a durable file.
 *
 * <p>A {@link io.github.gridbill.ledger.journal.JournalStore} holds records numbered 1, 2, 3, … Each record's
 * <em>chain hash</em> is {@code SHA-256(previous hash ‖ sequence as 8 big-endian bytes ‖ payload)}, starting from 32
 * zero bytes, so changing, inserting or removing any record changes every hash after it. A
 * {@link io.github.gridbill.ledger.journal.Checkpoint} (sequence and hash) is a digest a third party can keep and
 * later compare against the journal with {@link io.github.gridbill.ledger.journal.JournalStore#compare(Checkpoint)};
 * {@link io.github.gridbill.ledger.journal.JournalStore#verify()} re-walks the whole chain and reports the first
 * broken link.
 *
 * <p>The durable store, {@link io.github.gridbill.ledger.journal.FileJournalStore}, writes one file of length-framed
 * records, each protected by CRC32C, with group commit: {@code append} queues a record and {@code sync} makes it
 * durable, one {@code fsync} covering every record queued by all callers since the last one. On open it truncates a
 * torn tail (the unfinished end of a write cut short by a crash) and refuses a corrupted middle with a
 * {@link io.github.gridbill.ledger.journal.JournalCorruptedException} naming the byte offset. The file format is
 * described in {@code billing-ledger/LEDGER.md}.
 *
 * <p>This package knows nothing of accounts or money: the ledger encodes its entries into payloads.
 */
@NullMarked
package io.github.gridbill.ledger.journal;

import org.jspecify.annotations.NullMarked;
