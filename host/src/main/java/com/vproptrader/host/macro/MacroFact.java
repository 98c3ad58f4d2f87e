package com.vproptrader.host.macro;

import java.time.Instant;
import java.time.LocalDate;

/** The value of {@code series} for the period starting {@code period}, as it became known at {@code knownAt}. */
public record MacroFact(Instant knownAt, String series, LocalDate period, double value) {
}
