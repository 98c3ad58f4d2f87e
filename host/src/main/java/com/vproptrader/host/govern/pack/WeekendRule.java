package com.vproptrader.host.govern.pack;

import java.math.BigDecimal;

/**
 * Flat before the weekend (market close Friday 17:00 New York): no opening from
 * {@code stopOpeningMinutes} before, flatten at {@code flattenMinutes} before. Market breaks of at
 * least {@code marketBreakFlatMinHours} get the same treatment (0 = no rule).
 */
public record WeekendRule(boolean flat, int stopOpeningMinutes, int flattenMinutes,
                          BigDecimal marketBreakFlatMinHours) {
}
