package com.vproptrader.ops.proof;

import com.vproptrader.proto.Tick;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Randomized EURUSD paths that hurt a momentum strategy: whipsaws (a burst that draws it in, then a
 * reversal through its stop), trends, spikes, price gaps after a pause, and quiet stretches. Every tick moves at most
 * {@link #MAX_STEP_POINTS}, so a stop is never gapped through by more than that plus the broker's slippage,
 * which stays inside the packs' gap allowance (half the stop distance; stops are at least ~10 points).
 * Synthetic by construction, reproducible from the seed.
 */
final class AdversarialPaths {
    static final int MAX_STEP_POINTS = 4;
    private static final double POINT = 0.00001;
    private static final long START = LocalDateTime.of(2024, 1, 2, 10, 30).toInstant(ZoneOffset.UTC).toEpochMilli();

    private AdversarialPaths() {
    }

    static List<Tick> path(long seed, int ticks) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Tick> out = new ArrayList<>(ticks);
        long points = 110_000; // mid in points: 1.10000
        long time = START;
        while (out.size() < ticks) {
            int kind = r.nextInt(10);
            int length = 20 + r.nextInt(200);
            double drift;
            double reverseAfter = Double.MAX_VALUE;
            long gap = 0;
            switch (kind) {
                case 0, 1, 2, 3 -> { // whipsaw: burst one way, then back through
                    drift = (r.nextBoolean() ? 1 : -1) * (1.5 + r.nextDouble() * 2);
                    reverseAfter = length * (0.3 + r.nextDouble() * 0.3);
                }
                case 4, 5 -> drift = (r.nextBoolean() ? 1 : -1) * r.nextDouble() * 1.5; // trend
                case 6 -> { // spike
                    drift = (r.nextBoolean() ? 1 : -1) * MAX_STEP_POINTS;
                    length = 5 + r.nextInt(20);
                }
                case 7 -> { // gap: the market pauses, then reopens a full step away, through any stop in the way
                    time += 60_000L * (1 + r.nextInt(10));
                    gap = (r.nextBoolean() ? 1 : -1) * MAX_STEP_POINTS;
                    drift = 0;
                }
                default -> drift = 0; // quiet
            }
            for (int i = 0; i < length && out.size() < ticks; i++) {
                double d = i > reverseAfter ? -drift : drift;
                long step = Math.round(d + (r.nextDouble() - 0.5) * 3);
                step = i == 0 && gap != 0 ? gap : Math.max(-MAX_STEP_POINTS, Math.min(MAX_STEP_POINTS, step));
                points += step;
                time += 200 + r.nextInt(1800);
                if (r.nextInt(500) == 0) {
                    time += 60_000L * (1 + r.nextInt(10)); // a quiet gap in time, not in price
                }
                int spread = 6 + r.nextInt(r.nextInt(4) == 0 ? 10 : 4);
                double bid = points * POINT;
                out.add(Tick.newBuilder().setSymbol("EURUSD").setTimeMsc(time)
                        .setBid(Math.round(bid * 1e5) / 1e5).setAsk(Math.round((points + spread) * POINT * 1e5) / 1e5)
                        .setFlags(6).build());
            }
        }
        return out;
    }
}
