package com.vproptrader.host.govern;

import com.vproptrader.host.govern.calendar.MarketBreak;
import com.vproptrader.host.govern.order.OrderKind;
import com.vproptrader.host.govern.pack.WeekendRule;
import com.vproptrader.host.time.MarketHours;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Governor 6, for OPEN orders only (closing is always allowed): no opening into the weekend or a long
 * market break when the pack wants us flat over them, and only inside a configured session.
 */
final class SessionGovernor implements Governor {

    @Override
    public Optional<Verdict> check(ResolvedOrder o, GovernorInput in) {
        if (o.order().kind() != OrderKind.OPEN) {
            return Optional.empty();
        }
        WeekendRule weekend = in.pack().weekend();
        Duration lead = Duration.ofMinutes(weekend.stopOpeningMinutes());
        if (weekend.flat() && MarketHours.inWeekend(in.now(), lead)) {
            return Optional.of(Verdict.veto(ReasonCode.WEEKEND,
                    "within " + weekend.stopOpeningMinutes() + " min of the weekend close (Friday 17:00 New York)"));
        }
        Optional<MarketBreak> longBreak = upcomingLongBreak(in, o.subject().symbol(), lead);
        if (longBreak.isPresent()) {
            return Optional.of(Verdict.veto(ReasonCode.MARKET_BREAK, "market break " + longBreak.get().start()
                    + " to " + longBreak.get().end() + " on " + o.subject().symbol()));
        }
        boolean inSession = in.pack().sessions().stream().anyMatch(s -> s.isOpen(in.now()));
        return inSession ? Optional.empty()
                : Optional.of(Verdict.veto(ReasonCode.OUTSIDE_SESSION, "no configured session is open"));
    }

    /** A break of at least the pack's length on this symbol that starts within {@code lead} (or is under way). */
    static Optional<MarketBreak> upcomingLongBreak(GovernorInput in, String symbol, Duration lead) {
        BigDecimal minHours = in.pack().weekend().marketBreakFlatMinHours();
        if (minHours.signum() == 0 || in.marketBreaks().isEmpty()) { // asked for every open position on every tick
            return Optional.empty();
        }
        long minSeconds = minHours.multiply(BigDecimal.valueOf(3600)).longValue();
        for (MarketBreak b : in.marketBreaks()) {
            if (b.affects(symbol) && b.length().getSeconds() >= minSeconds
                    && !in.now().isBefore(b.start().minus(lead)) && in.now().isBefore(b.end())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
