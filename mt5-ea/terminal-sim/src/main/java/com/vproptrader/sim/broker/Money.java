package com.vproptrader.sim.broker;

/** Deals settle in cents, so the balance moves by exactly what the fills report. */
final class Money {
    private Money() {
    }

    static double round2(double money) {
        return Math.round(money * 100) / 100.0;
    }
}
