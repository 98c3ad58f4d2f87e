package com.vproptrader.host.scan;

import com.vproptrader.host.memory.ShortTermMemory;
import com.vproptrader.host.memory.StatsKey;
import com.vproptrader.host.memory.WindowStats;

import java.util.List;

/**
 * The strategy layer's view of the account's short-term memory: outcomes per alpha × regime × symbol from its
 * rolling statistics, results from its newest closed trades. Reads only; the memory owns the trades.
 */
public final class MemoryEvidence implements TradeEvidence {
    private final ShortTermMemory memory;

    public MemoryEvidence(ShortTermMemory memory) {
        this.memory = memory;
    }

    @Override
    public Outcomes outcomes(String alpha, String regime, String symbol) {
        WindowStats s = memory.stats(StatsKey.of(alpha, regime, symbol));
        return new Outcomes(s.wins(), s.losses(), s.meanWinR(), s.winRs(), s.meanLossR(), s.lossRs());
    }

    @Override
    public List<Result> recent(int max) {
        return memory.recent(max).stream().map(t -> new Result(t.alpha(), t.closeTimeMsc(), t.rMultiple())).toList();
    }
}
