package com.vproptrader.host.feed;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Timeframe;

/**
 * The bar of one symbol and timeframe still being formed, in primitive fields so that a tick costs no
 * allocation; a {@link Bar} is made only when it closes. A period without ticks never gets a bar: gaps stay
 * gaps.
 */
final class BarAccumulator {
    private static final long NONE = Long.MIN_VALUE;

    private final String symbol;
    private final Timeframe timeframe;
    private final long periodMs;
    private long openTime = NONE;
    /** Open time of the last bar emitted; anything at or before it is too late to be added. */
    private long lastClosedOpen = NONE;
    private double open;
    private double high;
    private double low;
    private double close;
    private long tickVolume;
    private double realVolume;
    private int spreadPoints;

    BarAccumulator(String symbol, Timeframe timeframe) {
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.periodMs = Timeframes.periodMs(timeframe);
    }

    Timeframe timeframe() {
        return timeframe;
    }

    long periodMs() {
        return periodMs;
    }

    /**
     * Adds a price observation covering [{@code timeMsc}, ...) and returns the bar it closed, or null.
     * A tick is an observation with open = high = low = close.
     */
    Bar add(long timeMsc, double o, double h, double l, double c, long ticks, double volume, int spread) {
        long periodOpen = Timeframes.openTime(timeMsc, periodMs);
        if (lastClosedOpen != NONE && periodOpen <= lastClosedOpen) {
            return null; // arrived after its bar was closed by the clock: never rewrite a published bar
        }
        Bar closed = null;
        if (openTime != NONE && periodOpen != openTime) {
            closed = emit();
        }
        if (openTime == NONE) {
            openTime = periodOpen;
            open = o;
            high = h;
            low = l;
            tickVolume = 0;
            realVolume = 0;
        } else {
            high = Math.max(high, h);
            low = Math.min(low, l);
        }
        close = c;
        tickVolume += ticks;
        realVolume += volume;
        spreadPoints = spread;
        return closed;
    }

    /** Closes the forming bar if its period has ended by server time {@code nowMsc}; returns it or null. */
    Bar closeIfEnded(long nowMsc) {
        return openTime != NONE && nowMsc >= openTime + periodMs ? emit() : null;
    }

    private Bar emit() {
        Bar bar = Bar.newBuilder().setSymbol(symbol).setTimeframe(timeframe).setOpenTimeMsc(openTime)
                .setOpen(open).setHigh(high).setLow(low).setClose(close)
                .setTickVolume(tickVolume).setRealVolume(Math.round(realVolume)).setSpreadPoints(spreadPoints)
                .build();
        lastClosedOpen = openTime;
        openTime = NONE;
        return bar;
    }
}
