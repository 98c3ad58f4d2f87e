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

import com.vproptrader.host.memory.SimilarTrades;
import com.vproptrader.proto.SimilarTrade;
import com.vproptrader.proto.SimilarTradesRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.LongUnaryOperator;

/** AdminService's reads of the long-term store: trade log, daily digests and performance. Read only. */
public final class AccountReports {
    private static final long DAY_MS = 86_400_000L;

    /** Neighbours returned when the request says k = 0. */
    static final int DEFAULT_K = 10;

    private final TradeStore store;
    private final DailyDigests digests;
    private final double initialBalance;
    private final Supplier<Optional<SimilarTrades>> similarIndex;

    /**
     * @param similarIndex the similar-trade index over the store as it is now (empty until the first is built)
     */
    public AccountReports(TradeStore store, DailyDigests digests, double initialBalance,
                          Supplier<Optional<SimilarTrades>> similarIndex) {
        this.store = store;
        this.digests = digests;
        this.initialBalance = initialBalance;
        this.similarIndex = similarIndex;
    }

    /**
     * The k nearest closed trades to a stored entry's features (the trade itself left out) or to a candidate's,
     * with their outcomes. An unknown signal key, or neither key nor features, is refused.
     */
    public com.vproptrader.proto.SimilarTrades similarTrades(SimilarTradesRequest q) {
        int k = q.getK() <= 0 ? DEFAULT_K : q.getK();
        Map<String, Double> features;
        if (!q.getSignalKey().isEmpty()) {
            features = store.entryFeatures(q.getSignalKey());
            if (features.isEmpty()) {
                throw new IllegalArgumentException("no entry features stored for signal " + q.getSignalKey());
            }
        } else if (q.getFeaturesCount() > 0) {
            features = q.getFeaturesMap();
        } else {
            throw new IllegalArgumentException("give a signal_key or the candidate's features");
        }
        com.vproptrader.proto.SimilarTrades.Builder out = com.vproptrader.proto.SimilarTrades.newBuilder();
        Optional<SimilarTrades> index = similarIndex.get();
        if (index.isEmpty()) {
            return out.setWinRate(Double.NaN).build();
        }
        // one more than asked when the query is a stored trade: it finds itself first
        List<SimilarTrades.Neighbor> found = index.get().nearest(features, q.getSignalKey().isEmpty() ? k : k + 1)
                .stream().filter(n -> q.getSignalKey().isEmpty() || !n.trade().signalKey().equals(q.getSignalKey()))
                .limit(k).toList();
        for (SimilarTrades.Neighbor n : found) {
            ClosedTrade t = n.trade();
            out.addNearest(SimilarTrade.newBuilder().setPositionId(t.positionId()).setSignalKey(t.signalKey())
                    .setAlpha(t.alpha()).setSymbol(t.symbol()).setSide(t.side()).setRegime(t.regime())
                    .setCloseTimeMsc(t.closeTimeMsc()).setPnl(t.pnl().toBigDecimal().toPlainString())
                    .setRMultiple(t.rMultiple()).setWon(t.won()).setExitReason(t.exitReason()).setDistance(n.distance()));
        }
        return out.setWinRate(SimilarTrades.Neighbourhood.of(found).winRate()).setIndexed(index.get().size()).build();
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
                .setRulePack(row.rulePack()).addAllAlphaVotes(row.alphaVotes())
                .setQ(row.decision().q()).setGrade(row.decision().grade())
                .setModelProbability(row.decision().modelProbability()).setModelVersion(row.decision().modelVersion())
                .addAllPluginVersions(row.decision().plugins()).setSimilarCount(row.similar().count())
                .setSimilarWinRate(row.similar().winRate()).build();
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
