package com.vproptrader.host.journal;

/**
 * One row of the journal.
 *
 * @param seq          position in the journal, from 1, without gaps
 * @param eventTimeMsc broker server time of the event the row is about (not the wall clock, so replays match)
 * @param kind         what happened: "tick", "candidate", "veto", "signal", "fill", ...
 * @param symbol       the symbol concerned, "" for account-wide rows
 * @param payload      the event or decision: its {@code JournalRecord} as compact JSON ({@link JournalKinds})
 * @param hash         SHA-256 over the previous row's hash and this row's content (hex)
 */
public record JournalEntry(long seq, long eventTimeMsc, String kind, String symbol, String payload, String hash) {
    /** The typed record; an unknown kind or a payload that is not its kind's record is an error naming the row. */
    public com.vproptrader.proto.JournalRecord record() {
        return JournalKinds.read(this);
    }
}
