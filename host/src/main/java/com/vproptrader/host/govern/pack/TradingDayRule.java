package com.vproptrader.host.govern.pack;

/** What makes a day count towards the minimum trading days. */
public enum TradingDayRule {
    /** A trade was opened during the day (FTMO, FundedNext). */
    TRADE_OPENED,
    /** Closed profit of the day reached profitableDayMinPct of the initial balance (The5ers). */
    PROFITABLE_DAY
}
