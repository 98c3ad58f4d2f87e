package com.vproptrader.host.navigator;

import java.time.Instant;

/**
 * One refresh: the forecast at the risk the account trades, the risk curve with its advice, what the
 * resampling was built from, and when and why it ran.
 */
public record NavigatorReport(Forecast forecast, RiskCurve curve, int tradesObserved, int daysObserved,
                              double blockLength, double priorShare, String cause, long asOfMsc,
                              Instant deadline, double refreshMs) {
}
