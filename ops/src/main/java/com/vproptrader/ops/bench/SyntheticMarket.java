package com.vproptrader.ops.bench;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.host.feed.Feed;
import com.vproptrader.host.feed.FeedConfig;
import com.vproptrader.host.feed.FeedListener;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic FX-like tick stream for benchmarks: four symbols on correlated geometric random walks,
 * interleaved in time order, one tick per symbol every 200 ms of server time (a busy London morning) with
 * occasional quote variations of the spread. Fixed seed: every run benchmarks the same data.
 */
final class SyntheticMarket {
    static final String[] SYMBOLS = {"EURUSD", "GBPUSD", "USDJPY", "XAUUSD"};
    private static final double[] START = {1.0850, 1.2700, 148.50, 2030.0};
    private static final double[] SPREAD = {0.00008, 0.00012, 0.012, 0.25};
    private static final double[] VOL = {0.00003, 0.00004, 0.00003, 0.00006};

    private SyntheticMarket() {
    }

    /** {@code count} ticks starting Tuesday 16 Jan 2024 07:00 server time. */
    static Tick[] ticks(int count) {
        Random random = new Random(20240116L);
        double[] mid = START.clone();
        Tick[] ticks = new Tick[count];
        long t0 = ServerClock.NY_CLOSE.toServerMsc(1_705_388_400_000L); // 2024-01-16T07:00Z
        for (int i = 0; i < count; i++) {
            int s = i % SYMBOLS.length;
            if (s == 0) {
                double common = random.nextGaussian();
                for (int k = 0; k < mid.length; k++) {
                    double shock = (k == 2 ? -0.6 : 0.6) * common + 0.8 * random.nextGaussian();
                    mid[k] *= Math.exp(VOL[k] * shock);
                }
            }
            double spread = SPREAD[s] * (1 + (random.nextInt(4) == 0 ? 0.5 : 0));
            double bid = mid[s] - spread / 2;
            long time = t0 + (i / SYMBOLS.length) * 200L + s;
            ticks[i] = Tick.newBuilder().setSymbol(SYMBOLS[s]).setTimeMsc(time).setBid(bid).setAsk(bid + spread)
                    .setFlags(6).build();
        }
        return ticks;
    }

    /** The closed bars of {@code timeframe} the feed builds from {@code ticks}, per symbol in SYMBOLS order. */
    static List<List<Bar>> bars(Tick[] ticks, Timeframe timeframe) {
        List<List<Bar>> bySymbol = new ArrayList<>();
        for (int s = 0; s < SYMBOLS.length; s++) {
            bySymbol.add(new ArrayList<>());
        }
        Feed feed = new Feed(FeedConfig.defaults(), new FeedListener() {
            @Override
            public void onTick(Tick tick) {
            }

            @Override
            public void onBarClosed(Bar bar) {
                if (bar.getTimeframe() == timeframe) {
                    bySymbol.get(List.of(SYMBOLS).indexOf(bar.getSymbol())).add(bar);
                }
            }
        });
        for (Tick t : ticks) {
            feed.onTick(t);
        }
        return bySymbol;
    }
}
