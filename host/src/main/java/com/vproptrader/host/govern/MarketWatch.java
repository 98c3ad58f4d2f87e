package com.vproptrader.host.govern;

import com.vproptrader.host.govern.order.OpenPosition;
import com.vproptrader.host.govern.order.WorstCase;
import com.vproptrader.host.govern.pack.NewsRule;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.WeekendRule;
import com.vproptrader.host.risk.Money;
import com.vproptrader.host.time.MarketHours;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The decision taken on every market update, as a pure function of the snapshot. In order of
 * urgency: a firm floor within {@code flattenHeadroomPct} ⇒ FLATTEN (breach imminent); the weekend
 * close ⇒ FLATTEN; a long market break or a news window where stops count ⇒ close the affected
 * positions beforehand; a floor within {@code reducingHeadroomPct}, or open positions whose worst
 * case already sits under our buffered floor (e.g. carried over a day reset) ⇒ REDUCE.
 */
public final class MarketWatch {
    private MarketWatch() {
    }

    public static MarketAction assess(GovernorInput in) {
        RulePack pack = in.pack();
        List<OpenPosition> positions = in.account().positions();
        List<Long> all = tickets(positions);
        Floors floors = in.floors();
        Money equity = in.account().equity();
        Money dayHeadroom = equity.minus(floors.dayFloor());
        Money maxHeadroom = equity.minus(floors.maxFloor());

        Money flattenAt = floors.flattenWithin();
        if (!flattenAt.isLessThan(dayHeadroom) || !flattenAt.isLessThan(maxHeadroom)) {
            boolean daily = dayHeadroom.compareTo(maxHeadroom) <= 0;
            ReasonCode reason = daily ? ReasonCode.DAILY_LOSS_IMMINENT : ReasonCode.MAX_LOSS_IMMINENT;
            String detail = "equity " + equity + " within " + flattenAt + " of the "
                    + (daily ? "day floor " + floors.dayFloor() : "overall floor " + floors.maxFloor());
            return new MarketAction(all.isEmpty() ? MarketAction.Kind.HALT : MarketAction.Kind.FLATTEN, reason, detail, all);
        }
        WeekendRule weekend = pack.weekend();
        if (weekend.flat() && !all.isEmpty()
                && MarketHours.inWeekend(in.now(), Duration.ofMinutes(weekend.flattenMinutes()))) {
            return new MarketAction(MarketAction.Kind.FLATTEN, ReasonCode.WEEKEND,
                    "flat " + weekend.flattenMinutes() + " min before the weekend close", all);
        }
        List<Long> beforeBreak = positionsBeforeABreak(in, positions, Duration.ofMinutes(weekend.flattenMinutes()));
        if (!beforeBreak.isEmpty()) {
            return new MarketAction(MarketAction.Kind.CLOSE_POSITIONS, ReasonCode.MARKET_BREAK,
                    "flat before a market break", beforeBreak);
        }
        List<Long> beforeNews = positionsToCloseBeforeNews(in);
        if (!beforeNews.isEmpty()) {
            return new MarketAction(MarketAction.Kind.CLOSE_POSITIONS, ReasonCode.NEWS_PRE_CLOSE,
                    "stops would count inside the coming news window", beforeNews);
        }
        Money reduceAt = floors.reduceWithin();
        if (!reduceAt.isLessThan(dayHeadroom) || !reduceAt.isLessThan(maxHeadroom)) {
            boolean daily = dayHeadroom.compareTo(maxHeadroom) <= 0;
            return reduce(in, daily ? ReasonCode.DAILY_LOSS_IMMINENT : ReasonCode.MAX_LOSS_IMMINENT,
                    "equity " + equity + " within " + reduceAt + " of a firm floor");
        }
        if (allStopped(positions)) {
            Money worst = WorstCase.equity(equity, positions, pack.limits().gapAllowanceSlFraction());
            if (worst.isLessThan(floors.bufferedDayFloor())) {
                return reduce(in, ReasonCode.DAILY_LOSS, "worst case " + worst + " under " + floors.bufferedDayFloor());
            }
            if (worst.isLessThan(floors.bufferedMaxFloor())) {
                return reduce(in, ReasonCode.MAX_LOSS, "worst case " + worst + " under " + floors.bufferedMaxFloor());
            }
        }
        return MarketAction.NONE;
    }

    /** The positions' tickets (this runs on every tick: no stream for the usual zero to few positions). */
    private static List<Long> tickets(List<OpenPosition> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        Long[] tickets = new Long[positions.size()];
        for (int i = 0; i < tickets.length; i++) {
            tickets[i] = positions.get(i).ticket();
        }
        return List.of(tickets);
    }

    /** Positions on symbols a long market break reaches within {@code lead} (every tick: a loop, no stream). */
    private static List<Long> positionsBeforeABreak(GovernorInput in, List<OpenPosition> positions, Duration lead) {
        if (positions.isEmpty() || in.marketBreaks().isEmpty()) {
            return List.of();
        }
        List<Long> tickets = new java.util.ArrayList<>();
        for (OpenPosition p : positions) {
            if (SessionGovernor.upcomingLongBreak(in, p.symbol(), lead).isPresent()) {
                tickets.add(p.ticket());
            }
        }
        return List.copyOf(tickets);
    }

    private static boolean allStopped(List<OpenPosition> positions) {
        for (OpenPosition p : positions) {
            if (!p.hasStop()) {
                return false;
            }
        }
        return true;
    }

    /** REDUCE: close the position that can still lose the most (a stopless one first). */
    private static MarketAction reduce(GovernorInput in, ReasonCode reason, String detail) {
        BigDecimal gap = in.pack().limits().gapAllowanceSlFraction();
        Optional<OpenPosition> worst = in.account().positions().stream()
                .max(Comparator.comparingLong(p -> p.hasStop() ? WorstCase.remainingLoss(p, gap).cents() : Long.MAX_VALUE));
        return new MarketAction(MarketAction.Kind.REDUCE, reason, detail,
                worst.map(p -> List.of(p.ticket())).orElse(List.of()));
    }

    /** Positions on symbols whose news window (where stops count) opens within the pre-close lead. */
    private static List<Long> positionsToCloseBeforeNews(GovernorInput in) {
        NewsRule rule = in.pack().news();
        if (!rule.embargo() || !rule.slTpCount() || rule.preCloseSec() == 0 || in.account().positions().isEmpty()) {
            return List.of();
        }
        return in.account().positions().stream()
                .filter(p -> in.news().stream().anyMatch(e ->
                        NewsEmbargoGovernor.restricts(rule, e, p.symbol(), in.now(), rule.preCloseSec())
                                && in.now().isBefore(e.time().minusSeconds(rule.beforeSec()))))
                .map(OpenPosition::ticket).toList();
    }
}
