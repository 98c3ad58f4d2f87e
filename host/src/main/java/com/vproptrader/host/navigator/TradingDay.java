package com.vproptrader.host.navigator;

/**
 * The trades of one trading day as the simulation replays them: open and close as milliseconds after the
 * day's reset, and the outcome in R. Sorted by open time; a day without trades has empty arrays.
 */
record TradingDay(long[] openOffsetMs, long[] closeOffsetMs, double[] r) {

    static final TradingDay EMPTY = new TradingDay(new long[0], new long[0], new double[0]);

    int trades() {
        return r.length;
    }

    /** The day's result in R (the series whose dependence sets the bootstrap's block length). */
    double totalR() {
        double sum = 0;
        for (double x : r) {
            sum += x;
        }
        return sum;
    }
}
