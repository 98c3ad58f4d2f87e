package com.vproptrader.host.navigator;

import com.vproptrader.host.govern.GovernorSnapshot;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.risk.Money;

import java.time.Instant;

/**
 * The account as the simulation starts from it: the pack and calendar the governors use, their persisted
 * state (day anchor, trailed peak, engine state, trading days, counters), balance and equity now, the best
 * closed-profit day of the phase so far, and the deadline (end of the phase's time or of the horizon).
 * A copy: simulating never touches the live account.
 */
public record StartState(RulePack pack, MarketCalendar calendar, GovernorSnapshot governors, Money balance,
                         Money equity, Money bestDayProfit, Instant now, Instant deadline) {

    public StartState {
        if (!deadline.isAfter(now)) {
            throw new IllegalArgumentException("deadline " + deadline + " is not after now " + now);
        }
    }

    /** The same state with the phase's best closed-profit day so far. */
    public StartState withBestDay(Money best) {
        return new StartState(pack, calendar, governors, balance, equity, best, now, deadline);
    }
}
