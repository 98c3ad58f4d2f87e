package com.vproptrader.host.engine;

import com.vproptrader.host.govern.DayAnchor;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.proto.EaState;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EA's report of its own state (PROTOCOL.md {@code ea_state}), journaled as it came, and compared with
 * ours: the rule pack it enforces must be the one we sent (same hash), its day-start balance and equity the
 * ones we anchored. A difference is journaled as {@code ea_state_mismatch} and logged as a warning.
 */
final class EaStateCheck {
    private static final Logger log = LoggerFactory.getLogger(EaStateCheck.class);

    private EaStateCheck() {
    }

    /** Journals the EA's report and returns how it differs from the host's view, "" when it agrees. */
    static String journal(EaState ea, String rulePackJson, DayAnchor ours, long nowMsc, long loopNanos, Journal journal) {
        journal.append(nowMsc, "", JournalRecord.newBuilder().setEaState(ea).setLoopNanos(loopNanos).build());
        List<String> differences = differences(ea, rulePackJson, ours);
        if (differences.isEmpty()) {
            return "";
        }
        String text = String.join("; ", differences);
        log.warn("EA state differs from the host's: {}", text);
        journal.note(JournalKind.KIND_EA_STATE_MISMATCH, nowMsc, "", text);
        return text;
    }

    static List<String> differences(EaState ea, String rulePackJson, DayAnchor ours) {
        List<String> out = new ArrayList<>();
        String hash = fnv1a64Hex(rulePackJson);
        if (!hash.equals(ea.getRulePackHash())) {
            out.add("rule pack: EA enforces '" + ea.getRulePackName() + "' (hash " + ea.getRulePackHash()
                    + "), host sent hash " + hash);
        }
        if (ours != null) {
            double balance = ours.startBalance().toDouble();
            double equity = ours.startEquity().toDouble();
            if (Math.abs(balance - ea.getDayStartBalance()) >= 0.01 || Math.abs(equity - ea.getDayStartEquity()) >= 0.01) {
                out.add("day start: EA balance " + ea.getDayStartBalance() + " equity " + ea.getDayStartEquity()
                        + ", host balance " + balance + " equity " + equity);
            }
        }
        return out;
    }

    /** FNV-1a 64 over UTF-16 code units, as the EA computes it on an MQL5 string. */
    static String fnv1a64Hex(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return HexFormat.of().toHexDigits(h);
    }
}
