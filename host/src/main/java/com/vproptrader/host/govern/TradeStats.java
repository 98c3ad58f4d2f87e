package com.vproptrader.host.govern;

import com.vproptrader.host.risk.Money;

/**
 * What the soft governors need from the trade history. {@code openedToday}: a position was opened in the
 * current firm day (what makes it a trading day where opening counts).
 */
public record TradeStats(int consecutiveLosses, Money closedProfitToday, boolean openedToday) {
    public static final TradeStats NONE = new TradeStats(0, Money.ZERO, false);
}
