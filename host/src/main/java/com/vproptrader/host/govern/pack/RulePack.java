package com.vproptrader.host.govern.pack;

import com.vproptrader.host.time.DayReset;
import com.vproptrader.host.time.ServerClock;

import com.vproptrader.host.risk.Money;
import com.vproptrader.host.time.TradingSession;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One firm program's rules plus our buffers, as loaded from {@code rulepacks/<name>.json} by
 * {@link RulePackLoader}. All percentages are of {@link #initialBalance()} unless a component says
 * otherwise. Immutable.
 */
public record RulePack(String name, String firm, String program, String phase, String currency,
                       Money initialBalance, ServerClock serverTimeZone, DayReset dayReset,
                       DailyLossRule dailyLoss, MaxLossRule maxLoss, TargetRule target, NewsRule news,
                       WeekendRule weekend, int inactivityDays, List<TradingSession> sessions,
                       ExposureLimits limits, SoftLimits soft) {

    public RulePack {
        sessions = List.copyOf(sessions);
    }

    /**
     * {@code pct}% of the initial balance, rounded to the cent by the caller's rule: firm limits are
     * rounded down (a smaller allowed loss) and our buffers up (a larger margin), so rounding is
     * always on the strict side.
     */
    public Money pctOfInitial(BigDecimal pct, RoundingMode rounding) {
        return Money.percentOf(pct, initialBalance, rounding);
    }
}
