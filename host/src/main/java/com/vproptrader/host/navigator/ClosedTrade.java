package com.vproptrader.host.navigator;

import com.vproptrader.host.risk.Money;

import java.time.Instant;

/**
 * One closed trade as the navigator resamples it: when it opened and closed, what it made (commission and
 * swap included) and what it risked at its stop when it opened, as money and as a share of equity then.
 * The outcome in R ({@code profit / riskAtStop}) is what carries over to another risk level.
 */
public record ClosedTrade(Instant opened, Instant closed, Money profit, Money riskAtStop, double riskFraction) {

    public ClosedTrade {
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
}
