package com.vproptrader.host.feature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegimeClassifierTest {
    private final RegimeClassifier classifier = new RegimeClassifier(RegimeConfig.defaults());

    @Test
    void steadyRise_isATrend_andZigZag_isARange() {
        double close = 100;
        for (int i = 0; i < 30; i++) {
            close += i % 4 == 3 ? -0.2 : 0.5; // mostly up
            classifier.update(close, 0.8);
        }
        assertThat(classifier.regime()).isEqualTo(Regime.TREND_LOW_VOL);
        for (int i = 0; i < 30; i++) {
            close += i % 2 == 0 ? 1 : -1;
            classifier.update(close, 1.5);
        }
        assertThat(classifier.regime()).isEqualTo(Regime.RANGE_HIGH_VOL);
    }

    @Test
    void volatility_usesHysteresis_soABorderValueDoesNotFlip() {
        double close = 100;
        for (int i = 0; i < 25; i++) {
            classifier.update(close += 1, 1.3);
        }
        assertThat(classifier.regime()).isEqualTo(Regime.TREND_HIGH_VOL);
        classifier.update(close += 1, 1.0); // between exit (0.95) and enter (1.2): stays high
        assertThat(classifier.regime().isHighVol()).isTrue();
        classifier.update(close += 1, 0.9);
        assertThat(classifier.regime()).isEqualTo(Regime.TREND_LOW_VOL);
    }

    @Test
    void beforeEnoughHistory_isUnknown() {
        classifier.update(100, 1.0);
        assertThat(classifier.regime()).isEqualTo(Regime.UNKNOWN);
        assertThat(classifier.update(101, Double.NaN)).isEqualTo(Regime.UNKNOWN);
    }
}
