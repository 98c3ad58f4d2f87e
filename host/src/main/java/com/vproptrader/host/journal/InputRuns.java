package com.vproptrader.host.journal;

import com.vproptrader.proto.InputRun;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Input runs: a replay's journal packs consecutive ticks and account reports (nearly every row of a replay) into
 * one {@code input_run} row, so a replay writes one row per run of inputs rather than one per tick. Only a record
 * whose row would carry its body's own event time and symbol is packed, so unpacking gives back exactly the rows a
 * live journal would have written.
 */
public final class InputRuns {
    private InputRuns() {
    }

    /** True when the row {@code (eventTimeMsc, symbol, r)} can go into a run and come out unchanged. */
    static boolean packs(long eventTimeMsc, String symbol, JournalRecord r) {
        return r.getFillSourceValue() == 0 && switch (r.getBodyCase()) {
            case TICK -> eventTimeMsc == r.getTick().getTimeMsc() && symbol.equals(r.getTick().getSymbol());
            case ACCOUNT -> eventTimeMsc == r.getAccount().getServerTimeMsc() && symbol.isEmpty();
            default -> false;
        };
    }

    /**
     * The rows a row stands for: an input run's records as the rows a live journal would hold (each with the run
     * row's seq and hash), any other row as it is.
     */
    public static List<JournalEntry> unpack(JournalEntry row) {
        if (!row.kind().equals(JournalKinds.name(JournalKind.KIND_INPUT_RUN))) {
            return List.of(row);
        }
        InputRun run = row.record().getInputRun();
        List<JournalEntry> rows = new ArrayList<>(run.getRecordsCount());
        for (JournalRecord r : run.getRecordsList()) {
            boolean tick = r.hasTick();
            rows.add(new JournalEntry(row.seq(), tick ? r.getTick().getTimeMsc() : r.getAccount().getServerTimeMsc(),
                    JournalKinds.name(r), tick ? r.getTick().getSymbol() : "", JournalKinds.json(r), row.hash()));
        }
        return rows;
    }
}
