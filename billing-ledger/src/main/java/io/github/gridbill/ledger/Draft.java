package io.github.gridbill.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/** An entry before it has a sequence, key and digest: what an operation wants to post. */
record Draft(EntryType type, LocalDate effectiveDate, String description, List<JournalLine> lines,
    List<ItemNote> notes, SortedMap<String, String> attributes) {}
