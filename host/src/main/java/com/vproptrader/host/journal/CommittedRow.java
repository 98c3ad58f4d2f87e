package com.vproptrader.host.journal;

import com.vproptrader.proto.JournalRecord;

/**
 * A row the journal has just committed, as its writer holds it: the typed record its payload was printed from, so a
 * reader in the same process (the long-term memory's indexer) need not read the row back and parse its JSON.
 *
 * @param payload the row's payload text, as committed
 * @param record  the record, or null when the writer could not print it (its payload says "unprintable")
 */
public record CommittedRow(long seq, long eventTimeMsc, String kind, String symbol, String payload,
                           JournalRecord record) {
}
