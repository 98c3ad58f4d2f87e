package com.vproptrader.host.feature;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.proto.Bar;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * All features of one symbol, updated incrementally: {@link #onBar} on each closed bar of the configured
 * timeframe (O(1), no allocation), {@link #onQuote} on each tick (spread statistics, session). Values live in
 * one reusable {@code double[]} addressed by {@link FeatureSchema} slots; NaN means "not computable yet".
 * {@link #toMap()} copies them for plugins (AlphaInput.features), followed by the {@link ExternalFeatures}.
 *
 * <p>Definitions (per bar, not annualised; windows include the current bar, as ta4j's indicators do):
 * log_return = ln(close/previous close); ret_z_n = z-score of log_return over n returns; price_z_n =
 * (close − SMA n)/σ n; ema_p (seeded with the first close) and ema_slope_p = (ema_t/ema_{t−lag} − 1)/lag;
 * atr_n, rsi_n Wilder; bb_width_n = 2kσ/SMA × 100 (ta4j's BollingerBandWidth); rv_w = population σ of the
 * last w log returns; volume_z_n on real volume when the symbol has it, else tick volume; efficiency_n,
 * vol_ratio and regime from {@link RegimeClassifier}; session = {@link TradingSession#code()}; spread in
 * price units with its rolling mean and z-score over ticks.
 */
public final class FeatureSet {
    private final String symbol;
    private final FeatureConfig config;
    private final FeatureSchema schema = new FeatureSchema();
    private final double[] values;

    private final RollingStats returnStats;
    private final RollingStats priceStats;
    private final RollingStats bollingerStats;
    private final RollingStats volumeStats;
    private final RollingStats[] realizedVol;
    private final Ema[] emas;
    private final DoubleRing[] emaHistory;
    private final AverageTrueRange atr;
    private final RelativeStrength rsi;
    private final RegimeClassifier regime;
    private final RollingStats spreadStats;
    private final SessionClock sessions;

    private final int closeSlot, returnSlot, returnZSlot, priceZSlot, atrSlot, rsiSlot, bbWidthSlot, volumeZSlot;
    private final int efficiencySlot, volRatioSlot, regimeSlot, sessionSlot, hourSlot, spreadSlot, spreadMeanSlot;
    private final int spreadZSlot, barsSlot;
    private final int[] emaSlots, emaSlopeSlots, rvSlots;

    private final ExternalFeatures external;

    private double previousClose = Double.NaN;
    private long bars;

    public FeatureSet(String symbol, FeatureConfig config, ServerClock brokerTime) {
        this(symbol, config, brokerTime, new ExternalFeatures());
    }

    /** @param external macro and sentiment features shared by every symbol's set (appended by {@link #toMap()}) */
    public FeatureSet(String symbol, FeatureConfig config, ServerClock brokerTime, ExternalFeatures external) {
        this.symbol = symbol;
        this.config = config;
        this.external = external;
        int[] emaPeriods = config.emaPeriods();
        int[] rvWindows = config.realizedVolWindows();
        returnStats = new RollingStats(config.zScoreWindow());
        priceStats = new RollingStats(config.zScoreWindow());
        bollingerStats = new RollingStats(config.bollingerPeriod());
        volumeStats = new RollingStats(config.volumeZWindow());
        spreadStats = new RollingStats(config.spreadWindow());
        atr = new AverageTrueRange(config.atrPeriod());
        rsi = new RelativeStrength(config.rsiPeriod());
        regime = new RegimeClassifier(config.regime());
        sessions = new SessionClock(brokerTime);
        emas = new Ema[emaPeriods.length];
        emaHistory = new DoubleRing[emaPeriods.length];
        realizedVol = new RollingStats[rvWindows.length];

        closeSlot = schema.add("close");
        returnSlot = schema.add("log_return");
        returnZSlot = schema.add("ret_z_" + config.zScoreWindow());
        priceZSlot = schema.add("price_z_" + config.zScoreWindow());
        emaSlots = new int[emaPeriods.length];
        emaSlopeSlots = new int[emaPeriods.length];
        for (int i = 0; i < emaPeriods.length; i++) {
            emas[i] = Ema.standard(emaPeriods[i]);
            emaHistory[i] = new DoubleRing(config.emaSlopeLag() + 1);
            emaSlots[i] = schema.add("ema_" + emaPeriods[i]);
            emaSlopeSlots[i] = schema.add("ema_slope_" + emaPeriods[i]);
        }
        atrSlot = schema.add("atr_" + config.atrPeriod());
        rsiSlot = schema.add("rsi_" + config.rsiPeriod());
        bbWidthSlot = schema.add("bb_width_" + config.bollingerPeriod());
        rvSlots = new int[rvWindows.length];
        for (int i = 0; i < rvWindows.length; i++) {
            realizedVol[i] = new RollingStats(rvWindows[i]);
            rvSlots[i] = schema.add("rv_" + rvWindows[i]);
        }
        volumeZSlot = schema.add("volume_z_" + config.volumeZWindow());
        efficiencySlot = schema.add("efficiency_" + config.regime().efficiencyPeriod());
        volRatioSlot = schema.add("vol_ratio");
        regimeSlot = schema.add("regime");
        sessionSlot = schema.add("session");
        hourSlot = schema.add("hour_server");
        spreadSlot = schema.add("spread");
        spreadMeanSlot = schema.add("spread_mean");
        spreadZSlot = schema.add("spread_z");
        barsSlot = schema.add("bars");
        values = new double[schema.size()];
        java.util.Arrays.fill(values, Double.NaN);
        values[barsSlot] = 0;
    }

    public void onBar(Bar bar) {
        double volume = bar.getRealVolume() > 0 ? bar.getRealVolume() : bar.getTickVolume();
        onBar(bar.getHigh(), bar.getLow(), bar.getClose(), volume);
    }

    /** Updates every bar feature with one closed bar. */
    public void onBar(double high, double low, double close, double volume) {
        double[] v = values;
        v[closeSlot] = close;
        if (!Double.isNaN(previousClose)) {
            double r = Math.log(close / previousClose);
            v[returnSlot] = r;
            returnStats.add(r);
            v[returnZSlot] = returnStats.zScore(r);
            for (int i = 0; i < realizedVol.length; i++) {
                realizedVol[i].add(r);
                v[rvSlots[i]] = realizedVol[i].stdDev();
            }
            RollingStats shortest = realizedVol[0];
            RollingStats longest = realizedVol[realizedVol.length - 1];
            double longVol = longest.stdDev();
            v[volRatioSlot] = longest.isFull() && longVol > 0 ? shortest.stdDev() / longVol : Double.NaN;
        }
        previousClose = close;

        priceStats.add(close);
        v[priceZSlot] = priceStats.zScore(close);
        bollingerStats.add(close);
        v[bbWidthSlot] = 2 * config.bollingerK() * bollingerStats.stdDev() / bollingerStats.mean() * 100;
        for (int i = 0; i < emas.length; i++) {
            double ema = emas[i].update(close);
            v[emaSlots[i]] = ema;
            DoubleRing history = emaHistory[i];
            history.push(ema);
            v[emaSlopeSlots[i]] = history.isFull()
                    ? (ema / history.get(history.size() - 1) - 1) / config.emaSlopeLag() : Double.NaN;
        }
        v[atrSlot] = atr.update(high, low, close);
        v[rsiSlot] = rsi.update(close);
        volumeStats.add(volume);
        v[volumeZSlot] = volumeStats.zScore(volume);
        v[regimeSlot] = regime.update(close, v[volRatioSlot]).code();
        v[efficiencySlot] = regime.efficiencyRatio();
        v[barsSlot] = ++bars;
    }

    /** Updates the tick features (spread statistics, session of day). */
    public void onQuote(long serverTimeMsc, double bid, double ask) {
        double spread = ask - bid;
        spreadStats.add(spread);
        double[] v = values;
        v[spreadSlot] = spread;
        v[spreadMeanSlot] = spreadStats.mean();
        v[spreadZSlot] = spreadStats.zScore(spread);
        v[sessionSlot] = sessions.sessionAt(serverTimeMsc).code();
        v[hourSlot] = Math.floorMod(Math.floorDiv(serverTimeMsc, 3_600_000L), 24L);
    }

    /** Value of a slot (see {@link #schema()}). */
    public double get(int slot) {
        return values[slot];
    }

    /** Value by name, NaN if the name is unknown. */
    public double get(String name) {
        int slot = schema.indexOf(name);
        return slot < 0 ? Double.NaN : values[slot];
    }

    /** Copies the vector into {@code target} (length ≥ schema size) without allocating. */
    public void copyInto(double[] target) {
        System.arraycopy(values, 0, target, 0, values.length);
    }

    /** A fresh name → value map, in schema order, for plugins. */
    public Map<String, Double> toMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(schema.name(i), values[i]);
        }
        external.appendTo(symbol, map);
        return map;
    }

    /** True once every bar feature has a full window (see {@link FeatureConfig#warmupBars()}). */
    public boolean isWarm() {
        return bars >= config.warmupBars();
    }

    public Regime regime() {
        return regime.regime();
    }

    public FeatureSchema schema() {
        return schema;
    }

    public String symbol() {
        return symbol;
    }

    public long barCount() {
        return bars;
    }

    /** Log return of the last bar (NaN before the second bar): the correlation engine's input. */
    double lastReturn() {
        return values[returnSlot];
    }
}
