package com.vproptrader.host.feature;

import com.vproptrader.host.time.ServerClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.feed.Feed;
import com.vproptrader.host.feed.FeedConfig;
import com.vproptrader.proto.Tick;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TickFeaturesTest {
    static long utc(String iso) {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void session_followsEachCentresOwnDst() {
        ServerClock broker = ServerClock.NY_CLOSE;
        SessionClock clock = new SessionClock(broker);
        // Tue 16 Jan 2024, winter: London 08-17 UTC, New York 13-22 UTC, Tokyo 00-09 UTC
        assertThat(clock.sessionAt(broker.toServerMsc(utc("2024-01-16T03:00:00")))).isEqualTo(TradingSession.ASIA);
        assertThat(clock.sessionAt(broker.toServerMsc(utc("2024-01-16T09:30:00")))).isEqualTo(TradingSession.LONDON);
        assertThat(clock.sessionAt(broker.toServerMsc(utc("2024-01-16T12:30:00")))).isEqualTo(TradingSession.LONDON);
        assertThat(clock.sessionAt(broker.toServerMsc(utc("2024-01-16T13:30:00")))).isEqualTo(TradingSession.LONDON_NEW_YORK);
        assertThat(clock.sessionAt(broker.toServerMsc(utc("2024-01-16T18:00:00")))).isEqualTo(TradingSession.NEW_YORK);
        assertThat(clock.sessionAt(broker.toServerMsc(utc("2024-01-16T23:00:00")))).isEqualTo(TradingSession.OFF);
        // Tue 19 Mar 2024: US already on DST, UK not yet: New York opens at 12:00 UTC
        assertThat(clock.sessionAt(broker.toServerMsc(utc("2024-03-19T12:30:00")))).isEqualTo(TradingSession.LONDON_NEW_YORK);
        assertThat(clock.sessionAt(broker.toServerMsc(utc("2024-01-20T12:00:00")))).isEqualTo(TradingSession.OFF); // Saturday
    }

    @Test
    void spreadStatistics_trackTheRollingSpread() {
        FeatureConfig config = FeatureConfig.defaults();
        FeatureSet set = new FeatureSet("EURUSD", config, ServerClock.NY_CLOSE);
        for (int i = 0; i < 300; i++) {
            set.onQuote(ServerClock.NY_CLOSE.toServerMsc(utc("2024-01-16T10:00:00")) + i * 100L, 1.1, 1.1 + (i % 2 == 0 ? 0.0001 : 0.0003));
        }
        assertThat(set.get("spread")).isCloseTo(0.0003, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(set.get("spread_mean")).isCloseTo(0.0002, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(set.get("spread_z")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(set.get("hour_server")).isEqualTo(12.0); // 10:00 UTC = 12:00 server in January
    }

    @Test
    void rollingStats_doNotDriftOverMillionsOfUpdates() {
        RollingStats stats = new RollingStats(100);
        Random random = new Random(1);
        double[] last = new double[100];
        for (int i = 0; i < 3_000_000; i++) {
            double x = 1.1 + random.nextGaussian() * 1e-4 + (i / 500_000) * 10; // level shifts stress Welford
            stats.add(x);
            last[i % 100] = x;
        }
        double mean = java.util.Arrays.stream(last).average().orElseThrow();
        double variance = java.util.Arrays.stream(last).map(v -> (v - mean) * (v - mean)).sum() / 100;
        assertThat(stats.mean()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(stats.variance()).isCloseTo(variance, org.assertj.core.data.Offset.offset(variance * 1e-6));
    }

    @Test
    void featureEngine_behindTheFeed_seesOnlyValidatedTicks_andClosedBars() {
        FeatureEngine engine = new FeatureEngine(FeatureConfig.defaults(), ServerClock.NY_CLOSE);
        Feed feed = new Feed(FeedConfig.defaults(), engine);
        long t0 = utc("2024-01-16T10:00:00");
        double bid = 1.1;
        Random random = new Random(3);
        for (int i = 0; i < 200 * 60; i++) { // 200 minutes, 1 tick a second
            bid += random.nextGaussian() * 2e-5;
            feed.onTick(Tick.newBuilder().setSymbol("EURUSD").setTimeMsc(t0 + i * 1000L).setBid(bid).setAsk(bid + 1e-4).build());
            feed.onTick(Tick.newBuilder().setSymbol("GBPUSD").setTimeMsc(t0 + i * 1000L).setBid(bid * 1.15)
                    .setAsk(bid * 1.15 + 2e-4).build());
        }
        feed.onTick(Tick.newBuilder().setSymbol("EURUSD").setTimeMsc(t0).setBid(Double.NaN).setAsk(1).build());
        FeatureSet eurusd = engine.features("EURUSD");
        assertThat(eurusd.barCount()).isEqualTo(199); // the 200th minute is still open
        assertThat(eurusd.isWarm()).isTrue();
        assertThat(eurusd.get("spread")).isCloseTo(1e-4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(engine.correlations().correlation("EURUSD", "GBPUSD")).isGreaterThan(0.99);
        assertThat(feed.quality().totalRejections()).isEqualTo(1);
    }
}
