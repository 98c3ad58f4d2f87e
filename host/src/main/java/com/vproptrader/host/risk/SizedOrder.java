package com.vproptrader.host.risk;

import java.math.BigDecimal;

/**
 * A sized new position: lots (a multiple of the volume step), its stops, and the money it loses at the
 * SL (at most the budget). {@code limitedBy} says which bound set the size: RISK_BUDGET or VOL_TARGET.
 */
public record SizedOrder(BigDecimal lots, StopLevels stops, Money lossAtStop, Money budget, String limitedBy) {
}
