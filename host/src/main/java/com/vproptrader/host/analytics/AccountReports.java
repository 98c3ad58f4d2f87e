package com.vproptrader.host.analytics;

import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.host.memory.TradeStore;
import com.vproptrader.proto.DigestList;
import com.vproptrader.proto.DigestRequest;
import com.vproptrader.proto.PerformanceReport;
import com.vproptrader.proto.PerformanceRequest;
import com.vproptrader.proto.TradeLog;
import com.vproptrader.proto.TradeLogRequest;
import com.vproptrader.proto.TradeRecord;

import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/** AdminService's reads of the long-term store: trade log, daily digests and performance. Read only. */
public final class AccountReports {
    private static final long DAY_MS = 86_400_000L;

    private final TradeStore store;
    private final DailyDigests digests;
    private final double initialBalance;

    public AccountReports(TradeStore store, DailyDigests digests, double initialBalance) {
        this.store = store;
        this.digests = digests;
        this.initialBalance = initialBalance;
    }

    public TradeLog tradeLog(TradeLogRequest q) {
        TradeLog.Builder log = TradeLog.newBuilder();
        for (TradeStore.TradeLogRow row : store.tradeLog(q.getFromMsc(), q.getToMsc() == 0 ? Long.MAX_VALUE : q.getToMsc(),
                q.getAlpha(), q.getSymbol(), q.getLimit())) {
            log.addTrades(record(row));
        }
        return log.build();
    }

    static TradeRecord record(TradeStore.TradeLogRow row) {
        ClosedTrade t = row.trade();
        double slippage = row.referencePrice() == 0 ? 0
                : (t.side() == com.vproptrader.proto.Side.BUY ? 1 : -1) * (t.entryPrice() - row.referencePrice());
        return TradeRecord.newBuilder().setPositionId(t.positionId()).setSignalKey(t.signalKey()).setAlpha(t.alpha())
                .setAlphaVersion(t.alphaVersion()).setRegime(t.regime()).setSession(t.session()).setSymbol(t.symbol())
                .setSide(t.side()).setVolume(t.volume()).setReferencePrice(row.referencePrice())
                .setEntryPrice(t.entryPrice()).setExitPrice(t.exitPrice()).setEntrySlippage(slippage)
                .setSpreadAtEntry(row.spreadAtEntry()).setSl(row.sl()).setTp1(row.tp1()).setTp2(row.tp2())
                .setOpenTimeMsc(t.openTimeMsc()).setCloseTimeMsc(t.closeTimeMsc())
                .setPnl(t.pnl().toBigDecimal().toPlainString()).setRiskAtStop(t.riskAtStop().toBigDecimal().toPlainString())
                .setRMultiple(t.rMultiple()).setExitReason(t.exitReason()).setGovernorState(row.governorState())
                .setRulePack(row.rulePack()).addAllAlphaVotes(row.alphaVotes()).build();
    }

    public DigestList digests(DigestRequest q) {
        return DigestList.newBuilder().addAllDays(digests.recent(q.getDays())).build();
    }

    public PerformanceReport performance(PerformanceRequest q) {
        var trades = store.trades(q.getFromMsc(), q.getToMsc() == 0 ? Long.MAX_VALUE : q.getToMsc(), 0);
        return PerformanceProto.report(Analytics.report(trades, initialBalance, tradingDayOf(store.tradingDayStarts())));
    }

    /**
     * A close time's trading day: the latest governors' day reset at or before it; before the first recorded
     * reset (or without any), server-time midnight.
     */
    static LongUnaryOperator tradingDayOf(long[] starts) {
        return t -> {
            int i = Arrays.binarySearch(starts, t);
            int at = i >= 0 ? i : -i - 2;
            return at >= 0 && t - starts[at] < DAY_MS + DAY_MS / 2 ? starts[at] : Math.floorDiv(t, DAY_MS) * DAY_MS;
        };
    }
}
