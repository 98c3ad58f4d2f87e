package com.vproptrader.ops.bench;

import com.vproptrader.host.govern.Governance;
import com.vproptrader.host.govern.GovernorSnapshot;
import com.vproptrader.host.govern.GovernorStore;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.navigator.ChallengeNavigator;
import com.vproptrader.host.navigator.Forecast;
import com.vproptrader.host.navigator.NavigatorConfig;
import com.vproptrader.host.navigator.RiskCurve;
import com.vproptrader.host.navigator.Simulation;
import com.vproptrader.host.navigator.StartState;
import com.vproptrader.host.navigator.TradeOutcome;
import com.vproptrader.host.risk.Money;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Challenge navigator figures on the FTMO 2-Step pack, from a fresh $100,000 account with 60 weekdays of
 * synthetic closed trades (seeded: 3 a day, 45% wins of 1.5 R, 1% risk):
 * <ol>
 *   <li>simulated trading days per second through the real governors, on {@code threads} workers, next to
 *       the same number of trades as a bare random walk without the rule code (the baseline, same process);</li>
 *   <li>the time to refresh the Compliance page's figures after one more closed trade: rebuild the source
 *       (days, block length), the forecast at 10,000 paths, then the risk curve (2,000 paths per level).</li>
 * </ol>
 * Run: {@code java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.bench.NavigatorBench [threads] [rounds]}
 */
public final class NavigatorBench {
    private NavigatorBench() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        RulePack pack = RulePackLoader.bundled("ftmo-2step");
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        List<TradeOutcome> trades = history(now, 60);
        Governance fresh = new Governance(pack, GovernorStore.inMemory(), MarketCalendar.NONE, now);
        fresh.onMarket(new AccountView(pack.initialBalance(), pack.initialBalance(), List.of()), now);
        GovernorSnapshot state = fresh.snapshot();
        NavigatorConfig config = NavigatorConfig.defaults().withThreads(threads);
        StartState start = new StartState(pack, MarketCalendar.NONE, state, pack.initialBalance(),
                pack.initialBalance(), Money.ZERO, now, now.plus(config.horizon()));
        List<Thread> pool = new CopyOnWriteArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "navigator-bench");
            t.setDaemon(true);
            pool.add(t);
            return t;
        });
        try {
            ChallengeNavigator navigator = new ChallengeNavigator(config, new Simulation(workers, threads));
            System.out.printf("navigator bench: %s, %d threads, %d closed trades%n", pack.name(), threads, trades.size());
            for (int round = 1; round <= rounds; round++) {
                long cpu0 = cpuNanos(pool);
                long t0 = System.nanoTime(); // a trade just closed: rebuild the days, then the page's figures
                ChallengeNavigator.Source source = navigator.source(start, trades);
                Forecast forecast = navigator.forecast(source, ChallengeNavigator.currentRisk(source));
                long t1 = System.nanoTime();
                long cpu1 = cpuNanos(pool);
                RiskCurve curve = navigator.riskCurve(source);
                long t2 = System.nanoTime();
                long cpu2 = cpuNanos(pool);
                double days = forecast.meanAttemptDays() * forecast.paths();
                double perSecond = days / ((t1 - t0) / 1e9);
                double perCpuSecond = days / ((cpu1 - cpu0) / 1e9);
                double walkPerSecond = baseline(forecast, trades.size() / 60.0);
                System.out.printf("round %d: forecast %,d paths %.0f ms (%,.0f simulated trading days, %,.0f days/s,"
                                + " %,.0f per worker CPU-second; load average %.1f; bare walk %,.0f days/s, ratio %.1fx) | risk curve %d levels x %,d paths %.0f ms |"
                                + " refresh %.0f ms | P(pass) %.3f [%.3f, %.3f], ends first by %s, days to pass %.1f,"
                                + " advised %.2f%% | refresh CPU %.2f s = %.2f s on %d idle cores%n",
                        round, forecast.paths(), (t1 - t0) / 1e6, days, perSecond, perCpuSecond,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), walkPerSecond,
                        walkPerSecond / perSecond, curve.points().size(), config.gridPaths(), (t2 - t1) / 1e6,
                        (t2 - t0) / 1e6, forecast.pass().estimate(), forecast.pass().low(), forecast.pass().high(),
                        forecast.mostLikelyFailure(), forecast.daysToPass().mean(), curve.best().riskFraction() * 100,
                        (cpu2 - cpu0) / 1e9, (cpu2 - cpu0) / 1e9 / threads, threads);
                trades.add(trade(now.minus(Duration.ofMinutes(50)), new SplittableRandom(round), 0.01)); // in session
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** CPU time the worker threads have used so far. */
    private static long cpuNanos(List<Thread> pool) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : pool) {
            long ns = mx.getThreadCpuTime(t.getId());
            sum += Math.max(0, ns);
        }
        return sum;
    }

    /** The same number of trading days as a plain ±R walk with no rule code: what resampling alone costs. */
    private static double baseline(Forecast forecast, double tradesPerDay) {
        long days = Math.round(forecast.meanAttemptDays() * forecast.paths());
        SplittableRandom rng = new SplittableRandom(7);
        long t0 = System.nanoTime();
        double balance = 0;
        for (long d = 0; d < days; d++) {
            int n = (int) Math.round(tradesPerDay);
            for (int i = 0; i < n; i++) {
                balance += rng.nextDouble() < 0.45 ? 1500 : -1000;
            }
        }
        long t1 = System.nanoTime();
        if (balance == Double.MIN_VALUE) {
            System.out.println(); // keeps the walk from being optimised away
        }
        return days / ((t1 - t0) / 1e9);
    }

    private static List<TradeOutcome> history(Instant now, int weekdays) {
        SplittableRandom rng = new SplittableRandom(42);
        List<TradeOutcome> trades = new ArrayList<>();
        Instant day = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        int added = 0;
        while (added < weekdays) {
            day = day.minus(Duration.ofDays(1));
            java.time.DayOfWeek dow = day.atZone(java.time.ZoneOffset.UTC).getDayOfWeek();
            if (dow == java.time.DayOfWeek.SATURDAY || dow == java.time.DayOfWeek.SUNDAY) {
                continue;
            }
            added++;
            for (int i = 0; i < 3; i++) {
                trades.add(trade(day.plus(Duration.ofHours(10 + 2L * i)), rng, 0.01));
            }
        }
        return trades;
    }

    private static TradeOutcome trade(Instant opened, SplittableRandom rng, double riskFraction) {
        Money risk = Money.ofCents(100_000_00L / 100);
        Money profit = Money.ofCents(rng.nextDouble() < 0.45 ? risk.cents() * 3 / 2 : -risk.cents());
        return new TradeOutcome(opened, opened.plus(Duration.ofMinutes(45)), profit, risk, riskFraction);
    }
}
