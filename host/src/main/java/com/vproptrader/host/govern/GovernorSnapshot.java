package com.vproptrader.host.govern;

import com.vproptrader.host.risk.Money;

import java.time.Instant;

/**
 * What the governors must remember across a restart: the engine state, the day's anchor (the
 * day-start balance cannot be rebuilt mid-day), the trailed peak and the trade counters.
 * {@code lastTradingDay} is the start of the last day counted towards the minimum trading days;
 * {@code lastTrade} is the time of the last fill (or of the account's first sighting), which the firm's
 * inactivity limit counts from; {@code lastFill} is the last fill, null while the account never traded.
 */
public record GovernorSnapshot(EngineStatus status, DayAnchor day, Money peak, int consecutiveLosses,
                               Money closedProfitToday, int tradingDays, Instant lastTradingDay, Instant lastTrade,
                               Instant lastFill) {
}
