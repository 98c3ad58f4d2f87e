package com.vproptrader.host.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutcomeLabelerTest {
    @Test
    void aLongThatReachesTp1AtTheBidIsAHitKnownAtThatQuote() {
        var l = new OutcomeLabeler(true, 1.1015, 1.0990, 0, 60_000);

        assertThat(l.onQuote(1_000, 1.1010, 1.1016)).isEmpty(); // the ask touches TP1, the bid does not
        assertThat(l.onQuote(2_000, 1.1015, 1.1017)).contains(new OutcomeLabeler.Outcome(true, 2_000));
        assertThat(l.onQuote(3_000, 1.0980, 1.0982)).contains(new OutcomeLabeler.Outcome(true, 2_000));
    }

    @Test
    void aShortStoppedAtTheAskIsAMiss() {
        var l = new OutcomeLabeler(false, 1.0985, 1.1010, 0, 60_000);

        assertThat(l.onQuote(1_000, 1.1008, 1.1010)).contains(new OutcomeLabeler.Outcome(false, 1_000));
    }

    @Test
    void noOutcomeWithinTheHorizonIsAMissKnownAtTheHorizon() {
        var l = new OutcomeLabeler(true, 1.1015, 1.0990, 10_000, 60_000);

        assertThat(l.onQuote(30_000, 1.1000, 1.1002)).isEmpty();
        assertThat(l.onQuote(80_000, 1.1020, 1.1022)).contains(new OutcomeLabeler.Outcome(false, 70_000));
    }

    @Test
    void aTargetOnTheLosingSideOfTheStopIsRefused() {
        assertThatThrownBy(() -> new OutcomeLabeler(true, 1.0980, 1.0990, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
