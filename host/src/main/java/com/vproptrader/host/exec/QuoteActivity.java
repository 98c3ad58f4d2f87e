package com.vproptrader.host.exec;

import com.vproptrader.proto.Tick;

/**
 * How busy one symbol's quote is, in broker server time: changes in the last second, and the mean per
 * second over the last minute as the baseline. A burst far above the baseline means quotes the broker may
 * not honour (flicker, fast market) and so slippage.
 *
 * <p>Primitive rings only: the last second from a ring of change times, the minute from 60 one-second
 * buckets, so a busy tick stream never allocates.
 */
final class QuoteActivity {
    private static final long SECOND_MS = 1000;
    private static final int MINUTE_SECONDS = 60;

    private final long[] changeTimes;
    private int next;
    private int size;
    private final long[] bucketSecond = new long[MINUTE_SECONDS];
    private final int[] bucketCount = new int[MINUTE_SECONDS];
    private long firstSecond = Long.MIN_VALUE;
    private double lastBid = Double.NaN;
    private double lastAsk = Double.NaN;

    QuoteActivity(int maxChangesPerSecondCounted) {
        changeTimes = new long[maxChangesPerSecondCounted];
        java.util.Arrays.fill(bucketSecond, Long.MIN_VALUE);
    }

    void onTick(Tick tick) {
        if (tick.getBid() == lastBid && tick.getAsk() == lastAsk) {
            return; // a last/volume-only tick: the quote did not change
        }
        lastBid = tick.getBid();
        lastAsk = tick.getAsk();
        long t = tick.getTimeMsc();
        changeTimes[next] = t;
        next = next + 1 == changeTimes.length ? 0 : next + 1;
        size = Math.min(size + 1, changeTimes.length);
        long second = Math.floorDiv(t, SECOND_MS);
        int b = (int) Math.floorMod(second, (long) MINUTE_SECONDS);
        if (bucketSecond[b] != second) {
            bucketSecond[b] = second;
            bucketCount[b] = 0;
        }
        bucketCount[b]++;
        if (firstSecond == Long.MIN_VALUE) {
            firstSecond = second;
        }
    }

    /** Quote changes in (nowMsc - 1000, nowMsc]; capped at the ring's capacity. */
    int changesInLastSecond(long nowMsc) {
        int n = 0;
        for (int k = 1; k <= size; k++) {
            int i = next - k;
            long t = changeTimes[i < 0 ? i + changeTimes.length : i];
            if (t <= nowMsc - SECOND_MS) {
                break;
            }
            if (t <= nowMsc) {
                n++;
            }
        }
        return n;
    }

    /** Mean changes per second over the last 60 server seconds (the current one included). */
    double perSecondOverLastMinute(long nowMsc) {
        if (firstSecond == Long.MIN_VALUE) {
            return 0;
        }
        long now = Math.floorDiv(nowMsc, SECOND_MS);
        long sum = 0;
        for (int b = 0; b < MINUTE_SECONDS; b++) {
            if (bucketSecond[b] > now - MINUTE_SECONDS && bucketSecond[b] <= now) {
                sum += bucketCount[b];
            }
        }
        long seconds = Math.max(1, Math.min(MINUTE_SECONDS, now - firstSecond + 1));
        return (double) sum / seconds;
    }
}
