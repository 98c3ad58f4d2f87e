package com.vproptrader.host.govern;

import com.vproptrader.host.risk.Money;

import java.time.Instant;

/** The trading day's start (a reset instant) and the balance and equity seen at it. */
public record DayAnchor(Instant start, Money startBalance, Money startEquity) {
}
