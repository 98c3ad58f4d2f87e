package com.vproptrader.host.govern.pack;

/**
 * What the news governor does while the economic calendar cannot be trusted (never loaded, failing to refresh,
 * or not covering the current time): pack field {@code newsCalendarFailSafe}, EMBARGO when absent.
 */
public enum CalendarFailSafe {
    /** Every symbol is treated as inside a news window: what the pack's embargo refuses there is refused. */
    EMBARGO,
    /** No new position on any symbol, whatever the pack's news rule; closing and modifying stay allowed. */
    BLOCK
}
