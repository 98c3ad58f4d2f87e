package com.vproptrader.ops.bench;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.host.feature.FeatureConfig;
import com.vproptrader.host.feature.FeatureEngine;
import com.vproptrader.host.feed.Feed;
import com.vproptrader.host.feed.FeedConfig;
import com.vproptrader.host.macro.MacroFact;
import com.vproptrader.host.macro.MacroFeed;
import com.vproptrader.host.macro.calendar.CurrencyMap;
import com.vproptrader.host.macro.sentiment.Headline;
import com.vproptrader.host.macro.sentiment.HeadlineStore;
import com.vproptrader.proto.Tick;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the macro features cost the loop per tick: the feed + features workload of {@link FeedFeaturesCpuTime}
 * alone (baseline) and with {@link MacroFeed#advanceTo} on every tick, in thread CPU time, same process, same
 * ticks. The macro side holds three series with a new fact every hour and a scored headline every 5 minutes
 * (four currencies), so sentiment is re-read for every mapped symbol each minute. Usage: {@code java -cp ...
 * com.vproptrader.ops.bench.MacroFeedCpuTime [warmupRuns] [runs]}.
 */
public final class MacroFeedCpuTime {
    private MacroFeedCpuTime() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int n = FeedFeaturesBenchmark.TICKS;
        Tick[] ticks = SyntheticMarket.ticks(n);
        long from = ticks[0].getTimeMsc();
        long to = ticks[n - 1].getTimeMsc();
        List<MacroFact> facts = new ArrayList<>();
        List<HeadlineStore.Scored> headlines = new ArrayList<>();
        Random random = new Random(17);
        String[] currencies = {"USD", "EUR", "GBP", "JPY"};
        for (long t = from; t <= to; t += 60_000) {
            if ((t - from) % 3_600_000 == 0) {
                for (String series : List.of("DGS10", "VIXCLS", "DTWEXBGS")) {
                    facts.add(new MacroFact(Instant.ofEpochMilli(t), series, LocalDate.ofEpochDay(t / 86_400_000),
                            10 + random.nextGaussian()));
                }
            }
            if ((t - from) % 300_000 == 0) {
                Instant known = Instant.ofEpochMilli(t);
                headlines.add(new HeadlineStore.Scored(new Headline("bench", "h" + t, "headline", currencies[headlines.size() % 4],
                        known, known), random.nextDouble() * 2 - 1, "lexicon"));
            }
        }
        System.out.printf("data: %,d ticks over %.1f h, %d macro facts, %d headlines%n", n, (to - from) / 3.6e6,
                facts.size(), headlines.size());
        FeatureConfig config = FeatureConfig.defaults();
        double base = FeedFeaturesCpuTime.measure("feed+features        ", warmup, runs, n,
                () -> FeedFeaturesCpuTime.feedAndFeatures(ticks, config));
        double macro = FeedFeaturesCpuTime.measure("feed+features+macro  ", warmup, runs, n,
                () -> withMacro(ticks, config, facts, headlines));
        System.out.printf("macro adds %.0f ns of CPU per tick (%.0f ns -> %.0f ns): ratio %.2f%n",
                1e9 / macro - 1e9 / base, 1e9 / base, 1e9 / macro, base / macro);
    }

    private static double withMacro(Tick[] ticks, FeatureConfig config, List<MacroFact> facts,
                                    List<HeadlineStore.Scored> headlines) {
        FeatureEngine features = new FeatureEngine(config, ServerClock.NY_CLOSE);
        Feed feed = new Feed(FeedConfig.defaults(), features);
        MacroFeed macro = new MacroFeed(facts, headlines, CurrencyMap.defaults(), Duration.ofHours(6), 1,
                Instant::toEpochMilli);
        for (Tick tick : ticks) {
            feed.onTick(tick);
            macro.advanceTo(Instant.ofEpochMilli(tick.getTimeMsc()), features);
        }
        return features.external().get("EURUSD", "sentiment") + features.features("EURUSD").get(0);
    }
}
