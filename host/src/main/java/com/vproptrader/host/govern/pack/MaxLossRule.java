package com.vproptrader.host.govern.pack;

import java.math.BigDecimal;

/**
 * The firm's overall loss: equity must stay above (initial balance or the trailed high-water mark)
 * − {@code limitPct}% of the initial balance; we stop {@code bufferPct}% of the initial balance earlier.
 */
public record MaxLossRule(BigDecimal limitPct, MaxLossMode mode, TrailBasis trailBasis, BigDecimal bufferPct) {
}
