package com.vproptrader.host.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QScoreTest {
    private final QScore q = QScore.DEFAULT;

    @Test
    void allFourComponents_areAWeightedMean() {
        // (0.4·0.9 + 0.3·0.7 + 0.15·0.6 + 0.15·1.0) / 1.0 = 0.36 + 0.21 + 0.09 + 0.15
        assertThat(q.score(0.9, 0.7, 0.6, 1.0)).isCloseTo(0.81, within(1e-12));
        assertThat(q.grade(0.81)).isEqualTo(Grade.A_PLUS);
    }

    @Test
    void withoutAModel_itsWeightGoesToTheOthers() {
        // (0.4·0.75 + 0.15·0.5 + 0.15·1.0) / 0.7 = 0.525 / 0.7
        assertThat(q.score(0.75, Double.NaN, 0.5, 1.0)).isCloseTo(0.75, within(1e-12));
        assertThat(q.grade(0.75)).isEqualTo(Grade.A);
    }

    @Test
    void aLoneAlphaAtItsThreshold_isGradeB_andDoesNotProceed() {
        double score = q.score(0.5, Double.NaN, 0.5, 1.0); // 0.425 / 0.7 = 0.607
        assertThat(q.grade(score)).isEqualTo(Grade.B);
        assertThat(q.grade(score).proceeds()).isFalse();
        assertThat(q.grade(0.2)).isEqualTo(Grade.C);
    }

    @Test
    void aConfidentModelLiftsAWeakVote_andAPoorOneSinksAStrongVote() {
        assertThat(q.grade(q.score(0.6, 0.95, 0.5, 1.0)).proceeds()).isTrue();   // 0.705
        assertThat(q.grade(q.score(0.9, 0.10, 0.5, 1.0)).proceeds()).isFalse();  // 0.585
    }

    @Test
    void wideSpreadLowersTheScore() {
        assertThat(q.score(0.8, Double.NaN, 0.5, 0.5)).isLessThan(q.score(0.8, Double.NaN, 0.5, 1.0));
    }
}
