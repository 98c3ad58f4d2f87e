package com.vproptrader.host.feed;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Timeframe;
import java.util.function.Consumer;

/**
 * Builds the bars of one symbol for several timeframes, on bid prices as MT5 does, in broker server time
 * (see {@link Timeframes} for why alignment is a floor). Closed bars are handed to a sink, shortest
 * timeframe first, before the tick that closed them is processed further: a consumer never sees a tick of
 * the new period before the bar of the old one.
 */
public final class BarBuilder {
    private final BarAccumulator[] accumulators;
    private final double pointsPerPrice;

    /**
     * @param symbol     the symbol
     * @param timeframes the timeframes to build, e.g. {@link Timeframes#ALL}
     * @param digits     price decimals of the symbol (spread is reported in points = 10^-digits)
     */
    public BarBuilder(String symbol, Timeframe[] timeframes, int digits) {
        this.accumulators = new BarAccumulator[timeframes.length];
        for (int i = 0; i < timeframes.length; i++) {
            accumulators[i] = new BarAccumulator(symbol, timeframes[i]);
        }
        this.pointsPerPrice = Math.pow(10, digits);
    }

    /** Adds a tick (bid, spread, exchange volume); closed bars go to {@code closed}. */
    public void onTick(long timeMsc, double bid, double ask, double volume, Consumer<Bar> closed) {
        int spread = (int) Math.round((ask - bid) * pointsPerPrice);
        for (BarAccumulator acc : accumulators) {
            Bar bar = acc.add(timeMsc, bid, bid, bid, bid, 1, volume, spread);
            if (bar != null) {
                closed.accept(bar);
            }
        }
    }

    /**
     * Folds a closed bar of a shorter timeframe (e.g. from an "Export bars" file) into the longer
     * timeframes it divides; timeframes not longer than the bar's are left alone.
     */
    public void onBar(Bar bar, Consumer<Bar> closed) {
        long barPeriod = Timeframes.periodMs(bar.getTimeframe());
        for (BarAccumulator acc : accumulators) {
            if (acc.periodMs() <= barPeriod || acc.periodMs() % barPeriod != 0) {
                continue;
            }
            Bar longer = acc.add(bar.getOpenTimeMsc(), bar.getOpen(), bar.getHigh(), bar.getLow(), bar.getClose(),
                    bar.getTickVolume(), bar.getRealVolume(), bar.getSpreadPoints());
            if (longer != null) {
                closed.accept(longer);
            }
            // The last M1 of an hour completes the H1: publish it now rather than at the next bar.
            Bar completed = acc.closeIfEnded(bar.getOpenTimeMsc() + barPeriod);
            if (completed != null) {
                closed.accept(completed);
            }
        }
    }

    /** Closes every bar whose period ended by server time {@code nowMsc} (a live timer with no ticks). */
    public void closeEnded(long nowMsc, Consumer<Bar> closed) {
        for (BarAccumulator acc : accumulators) {
            Bar bar = acc.closeIfEnded(nowMsc);
            if (bar != null) {
                closed.accept(bar);
            }
        }
    }
}
