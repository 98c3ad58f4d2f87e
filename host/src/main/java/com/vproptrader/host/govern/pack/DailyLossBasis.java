package com.vproptrader.host.govern.pack;

/** What the firm subtracts the daily-loss limit from, as of the day's start. */
public enum DailyLossBasis {
    /** Balance at the day's start (FTMO, FundedNext). */
    BALANCE,
    /** Equity at the day's start. */
    EQUITY,
    /** The larger of the day-start balance and equity (The5ers). */
    MAX_BALANCE_EQUITY
}
