package com.vproptrader.host.navigator;

/** What the risk advisor optimises over its grid of risk-per-trade levels. */
public enum RiskObjective {
    /** The highest probability of passing this attempt (the same level minimises expected attempts, 1/P). */
    PASS_PROBABILITY,
    /** The fewest expected trading days per pass, failed attempts retried alike: E[days] / P(pass). */
    DAYS_PER_PASS
}
