package com.vproptrader.host.govern.pack;

import java.math.BigDecimal;

/**
 * The firm's daily loss: equity must stay above basis − {@code limitPct}% of {@code limitOf} (the
 * initial balance for FTMO and FundedNext, the basis itself for The5ers' "5% of max(balance, equity)").
 * We stop {@code bufferPct}% of the initial balance earlier (our own margin inside the firm's limit).
 */
public record DailyLossRule(BigDecimal limitPct, DailyLossBasis basis, LimitReference limitOf, BigDecimal bufferPct) {

    /** What the daily-loss percentage is taken of. */
    public enum LimitReference {
        INITIAL_BALANCE,
        BASIS
    }
}
