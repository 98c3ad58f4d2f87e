package com.vproptrader.host.govern.pack;

import java.math.BigDecimal;

/**
 * Our own hard caps (not the firm's). {@code gapAllowanceSlFraction}: a stop may fill this fraction of
 * its original SL distance beyond the SL (gaps, slippage); the worst case always includes it.
 * Percentages are of current equity; {@code maxExposureLeverage} caps notional / equity.
 */
public record ExposureLimits(BigDecimal gapAllowanceSlFraction, BigDecimal maxRiskPerTradePct,
                             BigDecimal maxOpenRiskPct, BigDecimal maxExposureLeverage, int maxOpenPositions,
                             BigDecimal maxLotsPerSymbol, int maxOrdersPerMinute) {
}
