package com.vproptrader.host.risk;

/** Prices for a new position's stop and two targets; {@code slDistance} is |entry − sl| in price. */
public record StopLevels(double sl, double tp1, double tp2, double slDistance) {
}
