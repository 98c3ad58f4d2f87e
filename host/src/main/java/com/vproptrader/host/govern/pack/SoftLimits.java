package com.vproptrader.host.govern.pack;

import java.math.BigDecimal;

/**
 * Size reduction and engine-state thresholds; headroom percentages are of the initial balance.
 * <ul>
 *   <li>After {@code lossStreakLength} losing trades in a row, sizes are multiplied by
 *       {@code lossStreakSizeFactor}.</li>
 *   <li>When equity is less than {@code nearFloorHeadroomPct} above our buffered floor (day or overall),
 *       sizes are multiplied by {@code nearFloorSizeFactor}.</li>
 *   <li>When equity is {@code reducingHeadroomPct} or less above the firm's own floor the engine goes
 *       REDUCING; at {@code flattenHeadroomPct} or less it flattens and halts (breach imminent). With
 *       worst-case checks this only happens when a market moved beyond the gap allowance or a position
 *       was opened outside this system.</li>
 * </ul>
 */
public record SoftLimits(int lossStreakLength, BigDecimal lossStreakSizeFactor, BigDecimal nearFloorHeadroomPct,
                         BigDecimal nearFloorSizeFactor, BigDecimal reducingHeadroomPct,
                         BigDecimal flattenHeadroomPct) {
}
