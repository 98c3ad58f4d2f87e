package com.vproptrader.host.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CandidateEdgeTest {
    @Test
    void expectedMove_isStrengthTimesStopDistance() {
        assertThat(CandidateEdge.expectedMovePoints(0.5, 20)).isEqualTo(10);
        assertThat(CandidateEdge.expectedMovePoints(1.0, 20)).isEqualTo(20);
    }

    @Test
    void strengthIsClampedAndNonsenseIsUnknown() {
        assertThat(CandidateEdge.expectedMovePoints(1.7, 20)).isEqualTo(20);
        assertThat(CandidateEdge.expectedMovePoints(0.5, Double.NaN)).isZero();
        assertThat(CandidateEdge.expectedMovePoints(0.5, -3)).isZero();
    }
}
