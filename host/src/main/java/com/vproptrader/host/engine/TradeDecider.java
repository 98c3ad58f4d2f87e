package com.vproptrader.host.engine;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.feature.FeatureSet;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSet;
import com.vproptrader.host.plugin.PluginSlot;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.plugin.api.SignalFilter;

import java.util.Optional;

/**
 * Turns one tick into at most one signal: alphas propose, filters veto, the order is sized and given
 * volatility stops, and the account-level guards decide. Every step is journaled with the tick's time.
 * Runs on the event-loop thread.
 */
final class TradeDecider {
    private static final double SL_SIGMAS = 0.8;
    private static final double TP1_PER_SL = 1.5;
    private static final double TP2_PER_SL = 2.4;
    private static final int MIN_SL_POINTS = 10;

    private final HostConfig config;
    private final PluginHost plugins;
    private final Journal journal;

    TradeDecider(HostConfig config, PluginHost plugins, Journal journal) {
        this.config = config;
        this.plugins = plugins;
        this.journal = journal;
    }

    /** The plugin set is read once by the caller per event, so a hot swap lands between two events. */
    Optional<Signal> decide(PluginSet set, SymbolMarket market, Tick tick, FeatureSet features, AccountBook book,
                            long signalNo) {
        if (set.alphas().isEmpty() || market.size() < 2) {
            return Optional.empty();
        }
        AlphaInput input = alphaInput(market, tick, features);
        for (PluginSlot<AlphaStrategy> alpha : set.alphas()) {
            Optional<AlphaOutput> out = plugins.call(alpha, a -> a.evaluate(input));
            if (out.isEmpty() || out.get().getDirection() == Side.SIDE_UNSPECIFIED
                    || out.get().getStrength() < config.minAlphaStrength()) {
                continue;
            }
            AlphaOutput vote = out.get();
            long t = tick.getTimeMsc();
            journal.append("candidate", t, tick.getSymbol(),
                    alpha.label() + " " + vote.getDirection() + " " + vote.getStrength() + " " + vote.getReason());
            Optional<String> veto = filterVeto(set, market, tick, vote.getDirection())
                    .or(() -> guardVeto(market, book));
            if (veto.isPresent()) {
                journal.append("veto", t, tick.getSymbol(), veto.get());
                book.counters.setVetoes(book.counters.getVetoes() + 1);
                return Optional.empty();
            }
            return Optional.of(signal(market, tick, vote.getDirection(), alpha.label(), signalNo));
        }
        return Optional.empty();
    }

    private AlphaInput alphaInput(SymbolMarket market, Tick tick, FeatureSet features) {
        AlphaInput.Builder b = AlphaInput.newBuilder().setTick(tick).setSpec(market.spec);
        if (features != null && features.isWarm()) {
            b.putAllFeatures(features.toMap());
        }
        for (int i = 0; i < market.size(); i++) {
            b.addMidHistory(market.mid(i));
        }
        return b.build();
    }

    private Optional<String> filterVeto(PluginSet set, SymbolMarket market, Tick tick, Side side) {
        if (set.filters().isEmpty()) {
            return Optional.empty();
        }
        FilterInput.Builder b = FilterInput.newBuilder().setTick(tick).setDirection(side)
                .setSpreadPoints(market.spreadPoints(tick)).setSpec(market.spec);
        for (int i = 0; i < market.size(); i++) {
            b.addRecentSpreadsPoints(market.spread(i));
        }
        FilterInput input = b.build();
        for (PluginSlot<SignalFilter> filter : set.filters()) {
            Optional<FilterVerdict> verdict = plugins.call(filter, f -> f.check(input));
            if (verdict.isPresent() && !verdict.get().getPass()) {
                return Optional.of(filter.label() + ": " + verdict.get().getReason());
            }
        }
        return Optional.empty();
    }

    /** Until the prop-firm governors are wired in: one position per symbol, nothing while an order is pending. */
    private Optional<String> guardVeto(SymbolMarket market, AccountBook book) {
        if (book.hasPosition(market.spec.getSymbol())) {
            return Optional.of("guard: position already open on " + market.spec.getSymbol());
        }
        if (market.pending != null) {
            return Optional.of("guard: order pending " + market.pending.getSignalKey());
        }
        return Optional.empty();
    }

    private Signal signal(SymbolMarket market, Tick tick, Side side, String alpha, long signalNo) {
        SymbolSpec spec = market.spec;
        double point = market.point();
        double slDistance = Math.max(SL_SIGMAS * market.tickSigma() * Math.sqrt(market.size()), MIN_SL_POINTS * point);
        slDistance = Math.max(slDistance, spec.getStopsLevelPoints() * point);
        double sign = side == Side.BUY ? 1 : -1;
        double entry = side == Side.BUY ? tick.getAsk() : tick.getBid();
        // MT5 triggers a buy's SL/TP on the bid and a sell's on the ask: place them from the closing side,
        // so a stop is never inside the spread (the terminal would refuse it as invalid stops).
        double exit = side == Side.BUY ? tick.getBid() : tick.getAsk();
        return Signal.newBuilder()
                .setSignalKey(tick.getSymbol() + "-" + tick.getTimeMsc() + "-" + signalNo)
                .setSymbol(tick.getSymbol())
                .setSide(side)
                .setVolume(Lots.round(config.tradeVolumeLots(), spec))
                .setSl(round(exit - sign * slDistance, spec.getDigits()))
                .setTp1(round(exit + sign * TP1_PER_SL * slDistance, spec.getDigits()))
                .setTp2(round(exit + sign * TP2_PER_SL * slDistance, spec.getDigits()))
                .setExpiryMsc(tick.getTimeMsc() + config.signalTtl().toMillis())
                .setReferencePrice(entry)
                .setAlpha(alpha)
                .setDecidedOnTickMsc(tick.getTimeMsc())
                .build();
    }

    private static double round(double price, int digits) {
        return java.math.BigDecimal.valueOf(price).setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
