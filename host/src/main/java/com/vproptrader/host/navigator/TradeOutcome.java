package com.vproptrader.host.navigator;

import com.vproptrader.host.risk.Money;

import com.vproptrader.host.time.DayReset;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One closed trade as the navigator resamples it: when it opened and closed, what it made (commission and
 * swap included) and what it risked at its stop when it opened, as money and as a share of equity then.
 * The outcome in R ({@code profit / riskAtStop}) is what carries over to another risk level.
 */
public record TradeOutcome(Instant opened, Instant closed, Money profit, Money riskAtStop, double riskFraction) {

    public TradeOutcome {
        if (opened == null || closed == null || closed.isBefore(opened)) {
            throw new IllegalArgumentException("a closed trade needs opened <= closed, got " + opened + " .. " + closed);
        }
        if (riskAtStop.cents() <= 0 || !(riskFraction > 0 && riskFraction < 1)) {
            throw new IllegalArgumentException("a trade without a positive risk at its stop has no R outcome: "
                    + riskAtStop + " / " + riskFraction);
        }
    }

    /** Profit in multiples of the risk taken (−1 = a full stop-out). */
    public double rMultiple() {
        return (double) profit.cents() / riskAtStop.cents();
    }

    /** The largest closed profit of one trading day among {@code trades} (zero when no day made money). */
    public static Money bestDay(List<TradeOutcome> trades, DayReset reset) {
        Map<Instant, Long> byDay = new HashMap<>();
        for (TradeOutcome t : trades) {
            byDay.merge(reset.dayStart(t.closed()), t.profit().cents(), Long::sum);
        }
        return Money.ofCents(byDay.values().stream().mapToLong(Long::longValue).max().orElse(0)).max(Money.ZERO);
    }
}
