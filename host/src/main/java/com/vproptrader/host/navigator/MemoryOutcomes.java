package com.vproptrader.host.navigator;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.host.risk.Money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Short-term memory's closed trades as the navigator resamples them: real instants, the net result, the risk at
 * the stop, and the share of the balance that risk was when the trade opened. That balance is rebuilt from the
 * balance now minus every result closed after the trade opened (all newer, so all in memory). Trades without a
 * stop have no R and are left out, and so are trades closed after {@code asOfMsc} (newer than the state).
 */
public final class MemoryOutcomes {
    private MemoryOutcomes() {
    }

    public static List<TradeOutcome> from(List<ClosedTrade> trades, long asOfMsc, ServerClock zone,
                                          Money balanceNow) {
        List<ClosedTrade> byClose = trades.stream().filter(t -> t.closeTimeMsc() <= asOfMsc)
                .sorted(Comparator.comparingLong(ClosedTrade::closeTimeMsc)).toList();
        int n = byClose.size();
        long[] closes = new long[n];
        long[] laterPnl = new long[n + 1]; // laterPnl[i] = sum of pnl of byClose[i..]
        for (int i = n - 1; i >= 0; i--) {
            closes[i] = byClose.get(i).closeTimeMsc();
            laterPnl[i] = laterPnl[i + 1] + byClose.get(i).pnl().cents();
        }
        List<TradeOutcome> out = new ArrayList<>(n);
        for (ClosedTrade t : byClose) {
            if (t.riskAtStop().cents() <= 0 || t.closeTimeMsc() < t.openTimeMsc()) {
                continue;
            }
            long balanceAtOpen = balanceNow.cents() - laterPnl[firstClosedAfter(closes, t.openTimeMsc())];
            if (balanceAtOpen <= t.riskAtStop().cents()) {
                continue; // not a balance this trade could have risked: leave it out rather than guess
            }
            out.add(new TradeOutcome(zone.fromServerMillis(t.openTimeMsc()), zone.fromServerMillis(t.closeTimeMsc()),
                    t.pnl(), t.riskAtStop(), (double) t.riskAtStop().cents() / balanceAtOpen));
        }
        return out;
    }

    /** Index of the first close strictly after {@code time} ({@code closes.length} when none). */
    private static int firstClosedAfter(long[] closes, long time) {
        int lo = 0;
        int hi = closes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (closes[mid] <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
