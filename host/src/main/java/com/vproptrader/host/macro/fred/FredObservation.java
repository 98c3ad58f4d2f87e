package com.vproptrader.host.macro.fred;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * One row of FRED's series observations: the value of {@code seriesId} for the period starting {@code date}, as
 * published from {@code realtimeStart} until {@code realtimeEnd} (both inclusive; 9999-12-31 = still current). A
 * revision of the same period is another row with a later {@code realtimeStart} (ALFRED's vintages). FRED writes
 * "." for a period without a value (e.g. a market holiday): {@code value} is then empty.
 */
public record FredObservation(String seriesId, LocalDate date, LocalDate realtimeStart, LocalDate realtimeEnd,
                              OptionalDouble value) {
}
