package com.vproptrader.host.govern.pack;

import java.math.BigDecimal;

/**
 * The phase's objectives. {@code bestDayMaxSharePct} = 0 means no best-day rule;
 * {@code profitableDayMinPct} only matters for {@link TradingDayRule#PROFITABLE_DAY}.
 *
 * <p>{@code dayQualifyingRiskPct} (0 = off): once the target is banked but trading days are still missing,
 * stopping at the target would leave the account unable to pass. Instead one small trade per firm day is
 * allowed, risking at most this % of the initial balance at its stop and never more, gap allowance included,
 * than the profit above the target, so the target stays banked whatever that trade does.
 */
public record TargetRule(BigDecimal profitTargetPct, boolean stopOpeningAtTarget, int minTradingDays,
                         TradingDayRule tradingDayRule, BigDecimal profitableDayMinPct,
                         BigDecimal bestDayMaxSharePct, BigDecimal dayQualifyingRiskPct) {
}
