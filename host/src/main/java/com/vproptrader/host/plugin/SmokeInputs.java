package com.vproptrader.host.plugin;

import com.vproptrader.host.learn.CandidateFeatures;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.ModelInput;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import java.util.List;

/**
 * Canned inputs for the smoke call a new plugin version must pass before it serves.
 *
 * <p>SYNTHETIC, not market data: a deterministic EURUSD-shaped quote path (rising, falling, flat) that
 * only has to look like what the event loop sends, so a plugin that breaks on ordinary input is caught
 * before it trades.
 */
final class SmokeInputs {
    static final int COUNT = 3;
    private static final double[] DRIFT_POINTS = {+1.5, -1.5, 0.0}; // per tick, in points
    private static final SymbolSpec SPEC = SymbolSpec.newBuilder()
            .setSymbol("EURUSD").setDigits(5).setContractSize(100_000).setTickSize(0.00001).setTickValue(1.0)
            .setVolumeMin(0.01).setVolumeStep(0.01).setVolumeMax(100).setStopsLevelPoints(10).build();
    private static final double POINT = 0.00001;
    private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00 server time, arbitrary

    private SmokeInputs() {
    }

    static AlphaInput alpha(int i) {
        var in = AlphaInput.newBuilder().setSpec(SPEC);
        double mid = 1.10000;
        for (int k = 0; k < 40; k++) {
            mid += DRIFT_POINTS[i] * POINT;
            in.addMidHistory(mid);
        }
        return in.setTick(tick(i, mid, 0.8)).putFeatures("atr_14", 12 * POINT).build();
    }

    static FilterInput filter(int i) {
        var in = FilterInput.newBuilder().setSpec(SPEC).setDirection(i == 1 ? Side.SELL : Side.BUY);
        for (int k = 0; k < 60; k++) {
            in.addRecentSpreadsPoints(6 + (k % 5));
        }
        double spread = new double[] {7, 9, 30}[i];
        return in.setSpreadPoints(spread).setTick(tick(i, 1.10000, spread / 10)).build();
    }

    /**
     * The host's own candidate vector (names and order), every value 0, 1 or -1: a model trained on another
     * vector refuses it, so it never serves.
     */
    static ModelInput model(int i) {
        List<String> names = CandidateFeatures.DEFAULT.schema().names();
        var in = ModelInput.newBuilder().addAllFeatureNames(names);
        names.forEach(n -> in.addFeatures(new double[] {0.0, 1.0, -1.0}[i]));
        return in.build();
    }

    private static Tick tick(int i, double mid, double spreadPips) {
        double half = spreadPips * 10 * POINT / 2;
        return Tick.newBuilder().setSymbol("EURUSD").setTimeMsc(T0 + i * 250L)
                .setBid(mid - half).setAsk(mid + half).setFlags(6).build();
    }
}
