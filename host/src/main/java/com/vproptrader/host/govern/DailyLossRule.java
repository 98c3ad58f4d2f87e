package com.vproptrader.host.govern;

import java.math.BigDecimal;

/**
 * The firm's daily loss: equity must stay above basis − {@code limitPct}% of the initial balance.
 * We stop {@code bufferPct}% of the initial balance earlier (our own margin inside the firm's limit).
 */
public record DailyLossRule(BigDecimal limitPct, DailyLossBasis basis, BigDecimal bufferPct) {
}
