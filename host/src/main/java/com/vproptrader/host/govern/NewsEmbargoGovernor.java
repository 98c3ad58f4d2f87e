package com.vproptrader.host.govern;

import com.vproptrader.host.govern.calendar.NewsEvent;
import com.vproptrader.host.govern.order.OrderKind;
import com.vproptrader.host.govern.pack.CalendarFailSafe;
import com.vproptrader.host.govern.pack.NewsRule;

import java.time.Instant;
import java.util.Optional;

/**
 * Governor 5. No order on an affected symbol from {@code beforeSec} before to {@code afterSec} after
 * a restricted event, both edges included. When triggered stops count as trading, opening is refused
 * {@code preCloseSec} earlier still: the position would have to be closed before the window anyway.
 * While the calendar cannot be trusted, the pack's {@link CalendarFailSafe} decides.
 */
final class NewsEmbargoGovernor implements Governor {

    @Override
    public Optional<Verdict> check(ResolvedOrder o, GovernorInput in) {
        NewsRule rule = in.pack().news();
        if (!in.calendarFault().isEmpty()) {
            boolean block = rule.calendarFailSafe() == CalendarFailSafe.BLOCK;
            if (block ? o.order().kind() == OrderKind.OPEN : rule.embargo()) {
                return Optional.of(Verdict.veto(ReasonCode.NEWS_EMBARGO, "economic calendar unavailable ("
                        + in.calendarFault() + "): " + (block ? "no new positions" : "every symbol treated as inside a news window")));
            }
            return Optional.empty();
        }
        if (!rule.embargo()) {
            return Optional.empty();
        }
        int lead = o.order().kind() == OrderKind.OPEN && rule.slTpCount() ? rule.preCloseSec() : 0;
        for (NewsEvent e : in.news()) {
            if (restricts(rule, e, o.subject().symbol(), in.now(), lead)) {
                return Optional.of(Verdict.veto(ReasonCode.NEWS_EMBARGO, e.impact() + " " + e.currency()
                        + " news at " + e.time() + " restricts " + o.subject().symbol()));
            }
        }
        return Optional.empty();
    }

    /** True when {@code now} is inside the event's window (extended {@code leadSec} earlier) for the symbol. */
    static boolean restricts(NewsRule rule, NewsEvent e, String symbol, Instant now, int leadSec) {
        if (e.impact().compareTo(rule.minImpact()) < 0 || !e.affects(symbol)) {
            return false;
        }
        Instant from = e.time().minusSeconds((long) rule.beforeSec() + leadSec);
        Instant to = e.time().plusSeconds(rule.afterSec());
        return !now.isBefore(from) && !now.isAfter(to);
    }
}
