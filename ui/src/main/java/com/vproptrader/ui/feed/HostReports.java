package com.vproptrader.ui.feed;

import com.vproptrader.proto.BanditPosteriors;
import com.vproptrader.proto.DailyDigest;
import com.vproptrader.proto.GroupMetrics;
import com.vproptrader.proto.PerformanceReport;
import com.vproptrader.proto.TradeRecord;
import java.util.List;
import java.util.Optional;

/**
 * The host's reports as last polled (AdminService GetTradeLog, GetPerformance, GetDailyDigests,
 * GetBanditPosteriors): they change
 * only when a trade closes or a day ends, so the feed asks for them every few seconds instead of streaming.
 *
 * @param trades      newest closed trades, newest first (at most {@link AdminFeed#TRADES_KEPT})
 * @param total       performance over every closed trade
 * @param week        performance since the start of this week (Monday, broker server time)
 * @param digests     every trading day's digest, newest first
 * @param bandit      the regime bandit's posterior of each alpha × regime (AdminService GetBanditPosteriors)
 * @param fetchedMs   UI wall clock (UTC ms) of the poll; 0 before the first answer
 */
public record HostReports(List<TradeRecord> trades, PerformanceReport total, PerformanceReport week,
                          List<DailyDigest> digests, BanditPosteriors bandit, long fetchedMs) {

    public HostReports {
        trades = List.copyOf(trades);
        digests = List.copyOf(digests);
    }

    public static HostReports none() {
        return new HostReports(List.of(), PerformanceReport.getDefaultInstance(), PerformanceReport.getDefaultInstance(),
                List.of(), BanditPosteriors.getDefaultInstance(), 0);
    }

    public boolean known() {
        return fetchedMs != 0;
    }

    /** The OVERALL group of a report, if it has one. */
    public static Optional<GroupMetrics> overall(PerformanceReport report) {
        return report.getGroupsList().stream().filter(g -> g.getDimension().equals("OVERALL")).findFirst();
    }

    /** The groups of one dimension (ALPHA, REGIME, SYMBOL, SESSION) of a report. */
    public static List<GroupMetrics> groups(PerformanceReport report, String dimension) {
        return report.getGroupsList().stream().filter(g -> g.getDimension().equals(dimension)).toList();
    }
}
