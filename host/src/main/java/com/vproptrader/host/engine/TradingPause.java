package com.vproptrader.host.engine;

import com.vproptrader.host.exec.ExecutionQuality;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.proto.JournalKind;

/**
 * Pauses that lift by themselves: the journal cannot write (no new trade it could not account for), or the
 * execution-quality pause (e.g. round trips over 400 ms). No new trades while either holds; each start and end
 * is journaled. Loop thread only.
 */
final class TradingPause {
    private final ExecutionQuality quality;
    private final Journal journal;
    /** Why trading is paused now, "" when it is not. */
    private String reason = "";

    TradingPause(ExecutionQuality quality, Journal journal) {
        this.quality = quality;
        this.journal = journal;
    }

    /** Checks both causes (called every tick: it runs the latency pause's resume timer); true while paused. */
    boolean paused(long nanos, long serverTimeMsc) {
        String latency = quality.pauseReason(nanos).orElse("");
        String now = journal.writeFailure().orElse(latency);
        if (!now.equals(reason)) {
            journal.note(now.isEmpty() ? JournalKind.KIND_RESUME : JournalKind.KIND_PAUSE, serverTimeMsc, "",
                    now.isEmpty() ? reason : now);
            reason = now;
        }
        return !reason.isEmpty();
    }

    String reason() {
        return reason;
    }
}
