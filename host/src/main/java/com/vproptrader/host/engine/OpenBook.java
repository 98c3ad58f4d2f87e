package com.vproptrader.host.engine;

import com.vproptrader.host.feature.CorrelationMatrix;
import com.vproptrader.host.feature.FeatureEngine;
import com.vproptrader.host.feature.FeatureSet;
import com.vproptrader.host.risk.PositionSizer;
import com.vproptrader.host.risk.PriceMove;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The open positions as the sizing and the portfolio checks see them, with a candidate on {@code symbol} last:
 * each one's symbol, money per unit log return and daily money volatility (signed: + long), and the
 * correlation of their symbols' M1 returns ({@link CorrelationMatrix}; NaN = not known yet). Built on the
 * event loop from the account book, the markets and the features.
 */
final class OpenBook {
    /** Without enough M1 bars for realized vol, assume a typical FX day: 0.6% of price. */
    static final double FALLBACK_DAILY_VOL = 0.006;
    static final double M1_BARS_PER_DAY = 1440;

    final List<String> symbols = new ArrayList<>();
    final double[] exposures;
    final double[] dailyVols;
    final double[][] correlation;
    private final double[] signs;

    private OpenBook(int n) {
        signs = new double[n];
        exposures = new double[n];
        dailyVols = new double[n];
        correlation = new double[n][n];
    }

    /**
     * @param candidateLots lots of the candidate (0 while sizing it: its vol per lot is then what sizing needs)
     */
    static OpenBook of(AccountBook book, Map<String, SymbolMarket> markets, FeatureEngine features, String symbol,
                       Side side, double candidateLots, double entry) {
        List<Position> open = new ArrayList<>();
        for (Position p : book.positions.values()) {
            if (markets.containsKey(p.getSymbol()) && markets.get(p.getSymbol()).lastTick != null) {
                open.add(p);
            }
        }
        OpenBook b = new OpenBook(open.size() + 1);
        for (int i = 0; i < open.size(); i++) {
            Position p = open.get(i);
            SymbolMarket m = markets.get(p.getSymbol());
            double price = (m.lastTick.getBid() + m.lastTick.getAsk()) / 2;
            b.put(i, p.getSymbol(), m.spec, p.getSide(), p.getVolume(), price, features.features(p.getSymbol()));
        }
        b.put(open.size(), symbol, markets.get(symbol).spec, side, candidateLots, entry, features.features(symbol));
        CorrelationMatrix c = features.correlations();
        for (int i = 0; i < b.symbols.size(); i++) {
            for (int j = 0; j < b.symbols.size(); j++) {
                b.correlation[i][j] = b.symbols.get(i).equals(b.symbols.get(j)) ? 1
                        : c.correlation(b.symbols.get(i), b.symbols.get(j));
            }
        }
        return b;
    }

    private void put(int i, String symbol, SymbolSpec spec, Side side, double lots, double price, FeatureSet f) {
        symbols.add(symbol);
        double sign = side == Side.BUY ? 1 : -1;
        signs[i] = sign;
        double moneyPerPrice = spec.getTickSize() > 0 && spec.getTickValue() > 0
                ? PriceMove.perLotPerPriceUnit(spec.getTickSize(), spec.getTickValue()) : 0;
        exposures[i] = sign * lots * price * moneyPerPrice;
        dailyVols[i] = sign * lots * dailySigma(f, price) * moneyPerPrice;
    }

    /** σ of price over one day: realized vol of M1 returns scaled by √1440, else the fallback share of price. */
    static double dailySigma(FeatureSet features, double price) {
        double rv = features != null && features.isWarm() ? features.get("rv_100") : Double.NaN;
        return rv > 0 ? rv * Math.sqrt(M1_BARS_PER_DAY) * price : FALLBACK_DAILY_VOL * price;
    }

    /**
     * The book for the volatility target: the open positions' signed daily vols and the correlation with the
     * candidate last. An unknown correlation counts as ±1 with the sign that adds the two positions' risks (same
     * direction +1, opposite −1): the case that leaves the least room, never an assumed hedge.
     */
    PositionSizer.Book forSizing() {
        int n = dailyVols.length - 1;
        double[][] c = new double[n + 1][n + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                c[i][j] = Double.isNaN(correlation[i][j]) ? signs[i] * signs[j] : correlation[i][j];
            }
        }
        return new PositionSizer.Book(java.util.Arrays.copyOf(dailyVols, n), c);
    }

    int openCount() {
        return dailyVols.length - 1;
    }
}
