package com.vproptrader.host.risk;

import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * From a signal to a size: stops from σ ({@link StopPlanner}), a risk budget from entropy-penalised
 * fractional Kelly ({@link EntropyKelly}, capped at the pack's per-trade risk) times the soft governors'
 * size factor, lots from the symbol spec ({@link LotSizer}), then no more lots than the 1% daily
 * volatility target allows ({@link VolatilityTarget}). Empty when the result is below the volume minimum.
 */
public record PositionSizer(EntropyKelly kelly, StopPlanner stops, VolatilityTarget volTarget) {

    /**
     * @param signal     the model's view: win probability, payoff ratio, predictive distribution
     * @param market     entry price, σ over the holding horizon (price), σ over one day (price)
     * @param book       open positions' signed daily money vols and the correlation matrix incl. this symbol (last)
     * @param equity     account equity
     * @param sizeFactor soft governors' multiplier (Governance.sizeFactor)
     * @param riskCap    the most the position may risk at its stop when the governors cap it
     *                   (Governance.dayQualifyingRisk), else empty
     */
    public Optional<SizedOrder> size(Side side, SymbolSpec spec, Signal signal, Market market, Book book,
                                     Money equity, BigDecimal sizeFactor, Optional<Money> riskCap) {
        StopLevels levels = stops.plan(side, market.entry(), market.horizonSigma(), spec);
        double fraction = kelly.riskFraction(signal.pWin(), signal.payoff(), signal.predictive());
        Money kellyBudget = Money.of(equity.toBigDecimal().multiply(BigDecimal.valueOf(fraction)).multiply(sizeFactor),
                RoundingMode.FLOOR);
        Money budget = riskCap.map(kellyBudget::min).orElse(kellyBudget);
        Optional<BigDecimal> byRisk = LotSizer.lots(spec, budget, levels.slDistance());
        if (byRisk.isEmpty()) {
            return Optional.empty();
        }
        // a volatility, not money: one lot's daily σ in account currency, in double
        double perLotVol = market.dailySigma() * PriceMove.perLotPerPriceUnit(spec.getTickSize(), spec.getTickValue());
        double volLots = volTarget.maxLots(equity.toDouble(), book.signedDailyVols(), book.correlation(), perLotVol,
                side == Side.BUY ? 1 : -1);
        // the volatility cap is an estimate: its whole steps are counted in double (rounded down), a NaN as none
        BigDecimal byVol = ShortestDecimal.of(spec.getVolumeStep())
                .multiply(BigDecimal.valueOf((long) Math.floor(volLots / spec.getVolumeStep())));
        BigDecimal lots = byRisk.get().min(byVol);
        if (lots.compareTo(ShortestDecimal.of(spec.getVolumeMin())) < 0 || lots.signum() <= 0) {
            return Optional.empty();
        }
        Money loss = Money.of(LotSizer.lossPerLot(spec, levels.slDistance()).multiply(lots), RoundingMode.CEILING);
        return Optional.of(new SizedOrder(LotSizer.plain(lots), levels, loss, budget,
                byRisk.get().compareTo(byVol) <= 0 ? "RISK_BUDGET" : "VOL_TARGET"));
    }

    /** The model's view of one trade. */
    public record Signal(double pWin, double payoff, double[] predictive) {
    }

    /** Prices: entry, σ of price over the holding horizon (for stops) and over one day (for vol targeting). */
    public record Market(double entry, double horizonSigma, double dailySigma) {
    }

    /** The open book: signed daily money vols and the correlation matrix with the new symbol last. */
    public record Book(double[] signedDailyVols, double[][] correlation) {
        public static Book empty() {
            return new Book(new double[0], new double[][]{{1.0}});
        }
    }
}
