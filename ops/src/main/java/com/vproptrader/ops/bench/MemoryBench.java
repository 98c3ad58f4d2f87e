package com.vproptrader.ops.bench;

import com.vproptrader.host.analytics.Analytics;
import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.host.memory.InProcessMemory;
import com.vproptrader.host.memory.RedisMemory;
import com.vproptrader.host.memory.ShortTermMemory;
import com.vproptrader.host.memory.SimilarTrades;
import com.vproptrader.host.memory.StatsKey;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;
import redis.embedded.RedisServer;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The memory's figures, each beside a baseline from the same run:
 * <ol>
 *   <li>similar-trade query over 100,000 stored trades (24 features, k = 10): JVector p50/p99 next to an exact
 *       scan, with the recall of the approximate answer;</li>
 *   <li>short-term memory record + stats operations per second, in process and on a real redis-server
 *       (org.signal:embedded-redis) on a free port;</li>
 *   <li>performance metrics for a year of trades (252 trading days × 20 trades), all five groupings.</li>
 * </ol>
 * Run: {@code java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.bench.MemoryBench [trades]
 * [similar|short-term|metrics]}
 */
public final class MemoryBench {
    private static final String[] ALPHAS = {"alpha-momentum", "alpha-breakout", "alpha-mean-reversion"};
    private static final String[] REGIMES = {"TREND_LOW_VOL", "TREND_HIGH_VOL", "RANGE_LOW_VOL", "RANGE_HIGH_VOL"};
    private static final String[] SYMBOLS = {"EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "US30", "AUDUSD"};

    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int stored = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String only = args.length > 1 ? args[1] : "all"; // similar | short-term | metrics | all
        if (only.equals("all") || only.equals("similar")) {
            similarTrades(stored);
        }
        if (only.equals("all") || only.equals("short-term")) {
            shortTermMemory();
        }
        if (only.equals("all") || only.equals("metrics")) {
            yearOfMetrics();
        }
    }

    private static void similarTrades(int n) {
        Random rnd = new Random(42);
        List<ClosedTrade> trades = new ArrayList<>(n);
        List<Map<String, Double>> features = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            trades.add(trade(rnd, i, i * 60_000L));
            features.add(features(rnd));
        }
        long t0 = System.nanoTime();
        SimilarTrades index = SimilarTrades.of(new SimilarTrades.Sample(trades, features));
        double buildS = (System.nanoTime() - t0) / 1e9;
        int queries = 2_000;
        double[] approx = new double[queries];
        double[] exact = new double[queries / 10];
        int hits = 0;
        for (int q = 0; q < 200; q++) { // warm-up
            index.nearest(features(rnd), 10);
        }
        for (int q = 0; q < queries; q++) {
            Map<String, Double> query = features(rnd);
            long s = System.nanoTime();
            List<SimilarTrades.Neighbor> got = index.nearest(query, 10);
            approx[q] = (System.nanoTime() - s) / 1e3;
            if (q % 10 == 0) {
                s = System.nanoTime();
                List<SimilarTrades.Neighbor> truth = index.exactNearest(query, 10);
                exact[q / 10] = (System.nanoTime() - s) / 1e3;
                var ids = truth.stream().map(x -> x.trade().positionId()).toList();
                hits += (int) got.stream().filter(x -> ids.contains(x.trade().positionId())).count();
            }
        }
        System.out.printf(Locale.ROOT, "similar trades: %,d stored, 24 features, k=10: index built in %.1f s; "
                        + "JVector p50 %.0f us, p99 %.0f us; exact scan p50 %.0f us, p99 %.0f us (%.0fx); recall@10 %.3f%n",
                n, buildS, pct(approx, 50), pct(approx, 99), pct(exact, 50), pct(exact, 99),
                pct(exact, 50) / pct(approx, 50), hits / (exact.length * 10.0));
    }

    private static void shortTermMemory() throws Exception {
        int ops = 200_000;
        double inProcess = opsPerSecond(new InProcessMemory(), ops);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RedisServer server = RedisServer.builder().port(port).setting("bind 127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        server.start();
        try (RedisMemory redis = new RedisMemory("redis://127.0.0.1:" + port, "bench", ShortTermMemory.DEFAULT_CAPACITY)) {
            double onRedis = opsPerSecond(redis, ops);
            System.out.printf(Locale.ROOT, "short-term memory: record + stats, %,d each: in process %,.0f ops/s; "
                    + "Redis backend %,.0f ops/s (%.1fx slower; reads stay in process, writes are asynchronous)%n",
                    ops, inProcess, onRedis, inProcess / onRedis);
        } finally {
            server.stop();
        }
    }

    /** One op = one record (window of 1,000, eviction once full) + one stats read of an exact key. */
    private static double opsPerSecond(ShortTermMemory memory, int ops) {
        Random rnd = new Random(1);
        List<ClosedTrade> trades = new ArrayList<>(ops);
        for (int i = 0; i < ops; i++) {
            trades.add(trade(rnd, i, i * 60_000L));
        }
        for (int i = 0; i < 20_000; i++) { // warm-up
            memory.record(trades.get(i));
            memory.stats(StatsKey.of(ALPHAS[i % 3], REGIMES[i % 4], SYMBOLS[i % 6]));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            memory.record(trades.get(i));
            memory.stats(StatsKey.of(ALPHAS[i % 3], REGIMES[i % 4], SYMBOLS[i % 6]));
        }
        return ops / ((System.nanoTime() - t0) / 1e9);
    }

    private static void yearOfMetrics() {
        Random rnd = new Random(3);
        List<ClosedTrade> year = new ArrayList<>();
        long day = 86_400_000L;
        for (int d = 0; d < 365; d++) {
            java.time.DayOfWeek w = java.time.LocalDate.of(2025, 1, 1).plusDays(d).getDayOfWeek();
            if (w == java.time.DayOfWeek.SATURDAY || w == java.time.DayOfWeek.SUNDAY) {
                continue;
            }
            for (int t = 0; t < 20; t++) {
                year.add(trade(rnd, year.size(), 1_735_689_600_000L + d * day + 3_600_000L + t * 1_000_000L));
            }
        }
        int runs = 50;
        double[] ms = new double[runs];
        for (int r = -10; r < runs; r++) {
            long t0 = System.nanoTime();
            Analytics.report(year, 100_000, t -> Math.floorDiv(t, day) * day);
            if (r >= 0) {
                ms[r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "metrics: a year of trades (%,d trades, 261 trading days), all groupings "
                + "(overall, alpha, regime, symbol, session): p50 %.2f ms, max %.2f ms%n", year.size(), pct(ms, 50),
                Arrays.stream(ms).max().orElse(0));
    }

    private static ClosedTrade trade(Random rnd, long id, long closeMsc) {
        long pnl = Math.round((rnd.nextGaussian() * 150 + 20) * 100);
        return new ClosedTrade(id, "k" + id, ALPHAS[rnd.nextInt(3)], "1.0.0", REGIMES[rnd.nextInt(4)], "LONDON",
                SYMBOLS[rnd.nextInt(6)], Side.BUY, 0.1, 1.1, 1.1, closeMsc - 600_000, closeMsc, Money.ofCents(pnl),
                Money.ofCents(10_000), "tp");
    }

    private static Map<String, Double> features(Random rnd) {
        Map<String, Double> f = new HashMap<>();
        for (int j = 0; j < 24; j++) {
            f.put("f" + j, rnd.nextGaussian());
        }
        return f;
    }

    private static double pct(double[] xs, int p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
