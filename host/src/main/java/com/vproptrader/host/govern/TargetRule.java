package com.vproptrader.host.govern;

import java.math.BigDecimal;

/**
 * The phase's objectives. {@code bestDayMaxSharePct} = 0 means no best-day rule;
 * {@code profitableDayMinPct} only matters for {@link TradingDayRule#PROFITABLE_DAY}.
 */
public record TargetRule(BigDecimal profitTargetPct, boolean stopOpeningAtTarget, int minTradingDays,
                         TradingDayRule tradingDayRule, BigDecimal profitableDayMinPct,
                         BigDecimal bestDayMaxSharePct) {
}
