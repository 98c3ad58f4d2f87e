package com.vproptrader.host.govern.pack;

import com.vproptrader.host.govern.calendar.Impact;

import java.math.BigDecimal;

/**
 * The news embargo: from {@code beforeSec} before to {@code afterSec} after an event of at least
 * {@code minImpact}, no order on affected symbols. When {@code slTpCount} is set, a stop or target
 * triggering in the window counts as trading, so positions are closed {@code preCloseSec} before it.
 * {@code profitKeepPct} documents the firm's haircut on trades in the window (100 = none).
 * {@code calendarFailSafe} says what to do while the calendar cannot be trusted.
 */
public record NewsRule(boolean embargo, int beforeSec, int afterSec, boolean slTpCount, int preCloseSec,
                       Impact minImpact, BigDecimal profitKeepPct, CalendarFailSafe calendarFailSafe) {

    /** A rule with the default fail-safe (EMBARGO). */
    public NewsRule(boolean embargo, int beforeSec, int afterSec, boolean slTpCount, int preCloseSec,
                    Impact minImpact, BigDecimal profitKeepPct) {
        this(embargo, beforeSec, afterSec, slTpCount, preCloseSec, minImpact, profitKeepPct, CalendarFailSafe.EMBARGO);
    }
}
