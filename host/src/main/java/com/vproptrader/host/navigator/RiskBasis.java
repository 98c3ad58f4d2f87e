package com.vproptrader.host.navigator;

/** What a simulated trade's risk is a share of. */
public enum RiskBasis {
    /** The balance before the trade, as the host's sizer does (risk shrinks after losses). */
    BALANCE,
    /** The phase's initial balance: a fixed amount per trade, as many prop traders size. */
    INITIAL
}
