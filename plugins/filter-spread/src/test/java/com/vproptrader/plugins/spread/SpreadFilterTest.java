package com.vproptrader.plugins.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import org.junit.jupiter.api.Test;

class SpreadFilterTest {
    private final SpreadFilter filter = new SpreadFilter(3, 60, 200, 20);

    /** London spreads 1..100 points: p60 = 60.4 by linear interpolation; the same as the symbol's recent ones. */
    private static FilterInput.Builder londonOneToHundred() {
        var in = FilterInput.newBuilder().setSession("LONDON");
        for (int i = 1; i <= 100; i++) {
            in.addSessionSpreadsPoints(i * 37 % 100 + 1); // a permutation of 1..100: order must not matter
            in.addRecentSpreadsPoints(i * 37 % 100 + 1);
        }
        return in;
    }

    @Test
    void theHostsCap_replacesTheFiltersOwn_andZeroMeansTheFiltersOwn() {
        FilterVerdict hostCap = filter.check(FilterInput.newBuilder().setSpreadPoints(12).setSpreadCapPoints(10).build());
        assertThat(hostCap.getPass()).isFalse();
        assertThat(hostCap.getReason()).isEqualTo("spread 12.0 pts > cap 10.0");
        assertThat(filter.check(FilterInput.newBuilder().setSpreadPoints(12).build()).getPass())
                .as("no cap from the host and no spreads yet: no scale, it passes").isTrue();
        assertThat(filter.check(FilterInput.newBuilder().setSpreadPoints(40).setSpreadCapPoints(50).build()).getPass())
                .as("a wider cap from the host lets a 40-point spread through").isTrue();
    }

    @Test
    void percentile_interpolatesBetweenRanks() {
        assertThat(SpreadFilter.percentile(new double[] {4, 1, 3, 2, 5}, 60)).isCloseTo(3.4, within(1e-12));
        assertThat(SpreadFilter.percentile(new double[] {7}, 60)).isEqualTo(7);
    }

    @Test
    void spreadAboveSessionP60_isBlocked_withTheNumbersAndSession() {
        SpreadFilter wideCap = new SpreadFilter(1000, 60, 200, 20);

        FilterVerdict v = wideCap.check(londonOneToHundred().setSpreadPoints(61).build());

        assertThat(v.getPass()).isFalse();
        assertThat(v.getReason()).isEqualTo("spread 61.0 pts > p60 60.4 (London, last 100)");
    }

    @Test
    void spreadAtOrBelowSessionP60_passes() {
        SpreadFilter wideCap = new SpreadFilter(1000, 60, 200, 20);

        assertThat(wideCap.check(londonOneToHundred().setSpreadPoints(60).build()).getPass()).isTrue();
    }

    @Test
    void theSessionDecides_notTheOtherSessionsMixedIn() {
        // Asia's wide spreads dominate the symbol-wide history; London's own spreads are tight.
        var in = FilterInput.newBuilder().setSession("LONDON").setSpreadPoints(12);
        for (int i = 0; i < 100; i++) {
            in.addRecentSpreadsPoints(i < 80 ? 20 : 8);
        }
        for (int i = 0; i < 40; i++) {
            in.addSessionSpreadsPoints(8 + i % 3); // 8, 9, 10: p60 = 9
        }

        FilterVerdict v = filter.check(in.build());

        assertThat(v.getPass()).isFalse();
        assertThat(v.getReason()).isEqualTo("spread 12.0 pts > p60 9.0 (London, last 40)");
    }

    @Test
    void fewSessionSpreads_fallBackToAllSessions() {
        var in = FilterInput.newBuilder().setSession("NEW_YORK").setSpreadPoints(12);
        for (int i = 0; i < 5; i++) {
            in.addSessionSpreadsPoints(50);
        }
        for (int i = 0; i < 30; i++) {
            in.addRecentSpreadsPoints(10);
        }

        FilterVerdict v = filter.check(in.build());

        assertThat(v.getPass()).isFalse();
        assertThat(v.getReason()).isEqualTo("spread 12.0 pts > p60 10.0 (all sessions, last 30)");
    }

    @Test
    void spreadBeyondThreeTimesTheSymbolsMedian_isABlowOut_inAnySession() {
        // the session has only wide spreads (p60 would pass 45); the symbol's median is 10: cap 30
        var in = FilterInput.newBuilder().setSession("ASIA").setSpreadPoints(31);
        for (int i = 0; i < 30; i++) {
            in.addSessionSpreadsPoints(50);
            in.addRecentSpreadsPoints(i < 20 ? 10 : 50);
        }

        FilterVerdict v = filter.check(in.build());

        assertThat(v.getPass()).isFalse();
        assertThat(v.getReason()).isEqualTo("spread 31.0 pts > cap 30.0 (3.0x median of last 30)");
    }

    @Test
    void theCapIsInTheSymbolsOwnSpreads_soAnIndexsOrdinarySpreadPasses() {
        // an index quoting 100..140 points: 120 is ordinary for it (p60 = 124 between ranks 29 and 30), not a blow-out
        var in = FilterInput.newBuilder().setSession("LONDON").setSpreadPoints(120);
        for (int i = 0; i < 50; i++) {
            in.addSessionSpreadsPoints(100 + i % 5 * 10);
            in.addRecentSpreadsPoints(100 + i % 5 * 10);
        }

        FilterVerdict v = filter.check(in.build());

        assertThat(v.getPass()).isTrue();
        assertThat(v.getReason()).isEqualTo("ok: spread 120.0 pts <= p60 124.0 (London, last 50)");
    }

    @Test
    void fewSpreadsAnywhere_noScaleYet_passesAndSaysSo() {
        var in = FilterInput.newBuilder().setSpreadPoints(25);
        for (int i = 0; i < 5; i++) {
            in.addRecentSpreadsPoints(5);
        }

        FilterVerdict v = filter.check(in.build());

        assertThat(v.getPass()).isTrue();
        assertThat(v.getReason()).isEqualTo("ok: spread 25.0 pts, only 5 recent spreads, no scale yet");
    }

    @Test
    void bundledConfig_isRead() {
        FilterVerdict v = new SpreadFilter().check(londonOneToHundred().setSpreadPoints(61).build());

        assertThat(v.getReason()).isEqualTo("spread 61.0 pts > p60 60.4 (London, last 100)");
    }

    @Test
    void onlyTheNewestWindowCounts() {
        SpreadFilter lastTen = new SpreadFilter(1000, 60, 10, 5);
        var in = FilterInput.newBuilder().setSession("ASIA").setSpreadPoints(8);
        for (int i = 0; i < 50; i++) {
            in.addSessionSpreadsPoints(50); // old, wide
            in.addRecentSpreadsPoints(50);
        }
        for (int i = 0; i < 10; i++) {
            in.addSessionSpreadsPoints(5); // newest, tight
            in.addRecentSpreadsPoints(5);
        }

        assertThat(lastTen.check(in.build()).getPass()).isFalse();
    }

    @Test
    void negativeOrNonFiniteSpread_isBlocked() {
        assertThat(filter.check(FilterInput.newBuilder().setSpreadPoints(Double.NaN).build()).getPass()).isFalse();
        assertThat(filter.check(FilterInput.newBuilder().setSpreadPoints(-1).build()).getPass()).isFalse();
    }
}
