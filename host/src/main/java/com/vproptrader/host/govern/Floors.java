package com.vproptrader.host.govern;

import com.vproptrader.host.govern.pack.DailyLossRule;
import com.vproptrader.host.govern.pack.MaxLossMode;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.risk.Money;

import java.math.RoundingMode;

/**
 * The equity levels the firm must never see us below, and ours inside them. Firm limits are rounded
 * down to the cent (smaller allowed loss, higher floor) and our buffers up, so cents only ever
 * tighten the rule. With them, the headroom over a firm floor at which the engine flattens
 * ({@code flattenWithin}) and reduces ({@code reduceWithin}), rounded up: {@link MarketWatch} reads
 * them on every tick, so they are computed here once, not per tick.
 */
public record Floors(Money dayFloor, Money maxFloor, Money bufferedDayFloor, Money bufferedMaxFloor,
                     Money flattenWithin, Money reduceWithin) {

    public static Floors of(RulePack pack, DayAnchor day, Money peak) {
        Money basis = dailyBasis(pack, day);
        Money limitBase = pack.dailyLoss().limitOf() == DailyLossRule.LimitReference.BASIS ? basis : pack.initialBalance();
        Money dayFloor = basis.minus(Money.percentOf(pack.dailyLoss().limitPct(), limitBase, RoundingMode.FLOOR));
        Money maxBasis = pack.maxLoss().mode() == MaxLossMode.STATIC
                ? pack.initialBalance()
                : peak.max(pack.initialBalance()); // the trailed mark never sits below where it started
        Money maxFloor = maxBasis.minus(pack.pctOfInitial(pack.maxLoss().limitPct(), RoundingMode.FLOOR));
        return new Floors(dayFloor, maxFloor,
                dayFloor.plus(pack.pctOfInitial(pack.dailyLoss().bufferPct(), RoundingMode.CEILING)),
                maxFloor.plus(pack.pctOfInitial(pack.maxLoss().bufferPct(), RoundingMode.CEILING)),
                pack.pctOfInitial(pack.soft().flattenHeadroomPct(), RoundingMode.CEILING),
                pack.pctOfInitial(pack.soft().reducingHeadroomPct(), RoundingMode.CEILING));
    }

    private static Money dailyBasis(RulePack pack, DayAnchor day) {
        return switch (pack.dailyLoss().basis()) {
            case BALANCE -> day.startBalance();
            case EQUITY -> day.startEquity();
            case MAX_BALANCE_EQUITY -> day.startBalance().max(day.startEquity());
        };
    }

    /** The higher (nearer) of the two firm floors. */
    public Money nearestFirmFloor() {
        return dayFloor.max(maxFloor);
    }

    /** The higher (nearer) of our two buffered floors. */
    public Money nearestBufferedFloor() {
        return bufferedDayFloor.max(bufferedMaxFloor);
    }
}
