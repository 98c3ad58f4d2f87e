package com.vproptrader.host.govern;

import com.vproptrader.host.risk.Money;

/** What the soft governors need from the trade history. */
public record TradeStats(int consecutiveLosses, Money closedProfitToday) {
    public static final TradeStats NONE = new TradeStats(0, Money.ZERO);
}
