package com.vproptrader.host.exec;

import com.vproptrader.host.time.ServerClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.feature.SessionClock;
import com.vproptrader.proto.Reject;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import org.junit.jupiter.api.Test;

class LatencyPauseTest {
    static final long MS = 1_000_000L;
    static final long S = 1000 * MS;

    private final ExecutionQuality quality = new ExecutionQuality(ExecutionQualityConfig.defaults(),
            new SessionClock(ServerClock.NY_CLOSE));
    private int n;

    /** One signal answered (here by a reject) {@code ms} after it left at {@code sentNanos}. */
    private void roundTrip(long sentNanos, long ms) {
        String key = "k" + (++n);
        quality.onSignalSent(Signal.newBuilder().setSignalKey(key).setSymbol("EURUSD").setSide(Side.BUY).build(),
                sentNanos);
        quality.onReject(Reject.newBuilder().setSignalKey(key).build(), sentNanos + ms * MS);
    }

    @Test
    void fastRoundTrips_noPause() {
        roundTrip(0, 80);
        roundTrip(S, 390);

        assertThat(quality.pauseReason(2 * S)).isEmpty();
    }

    @Test
    void slowLastRoundTrip_pausesWithTheNumbers() {
        roundTrip(0, 612);

        assertThat(quality.pauseReason(S)).contains("latency: last round trip 612 ms > 400 ms");
    }

    @Test
    void fastLastButSlowP90_staysPaused() {
        roundTrip(0, 900);
        roundTrip(S, 100);

        // p90 of {900, 100} = 820 by interpolation
        assertThat(quality.pauseReason(2 * S)).contains("latency: p90 round trip 820 ms of last 2 > 400 ms");
    }

    @Test
    void pause_resumesAfterSlowSamplesAgeOut_andTheConfiguredCleanTime() {
        roundTrip(0, 500);                              // ends at 0.5 s
        assertThat(quality.pauseReason(S)).isPresent();

        // still within the 60 s recent window
        assertThat(quality.pauseReason(60 * S)).get().asString().startsWith("latency: last round trip 500 ms");
        // aged out at 60.5 s: clean from here, 30 s to go
        assertThat(quality.pauseReason(61 * S)).get().asString().contains("recovering: resumes after 30 s under 400 ms");
        assertThat(quality.pauseReason(90 * S)).isPresent();
        assertThat(quality.pauseReason(91 * S)).isEmpty();
        assertThat(quality.pauseReason(92 * S)).isEmpty();
    }

    @Test
    void slowAgainWhileRecovering_restartsTheCleanTime() {
        roundTrip(0, 500);
        quality.pauseReason(S);
        quality.pauseReason(61 * S);                    // recovering since 61 s
        roundTrip(70 * S, 450);                         // slow again

        assertThat(quality.pauseReason(71 * S)).get().asString().startsWith("latency: last round trip 450 ms");
        assertThat(quality.pauseReason(92 * S)).isPresent(); // 61 + 30 no longer counts
    }

    @Test
    void unansweredSignal_pausesWhileItWaits_andIsGivenUpAfterAMinute() {
        quality.onSignalSent(Signal.newBuilder().setSignalKey("lost").setSymbol("EURUSD").build(), 0);

        assertThat(quality.pauseReason(300 * MS)).isEmpty();
        assertThat(quality.pauseReason(401 * MS)).contains("latency: a signal unanswered for over 400 ms");
        // at 60 s it becomes a 60 000 ms round trip, which then ages out over the next 60 s
        assertThat(quality.pauseReason(60 * S)).contains("latency: last round trip 60000 ms > 400 ms");
        assertThat(quality.pauseReason(120 * S)).get().asString().contains("recovering");
        assertThat(quality.pauseReason(150 * S)).isEmpty();
    }

    @Test
    void signalStillWaitingBesideAnsweredOnes_pauses_untilItsSlotIsReusedByNewerSignals() {
        ExecutionQuality twoSlots = new ExecutionQuality(new ExecutionQualityConfig(200, 500, 50, 32, 60_000, 400,
                90, 30_000, 60_000, 2), new SessionClock(ServerClock.NY_CLOSE));
        twoSlots.onSignalSent(Signal.newBuilder().setSignalKey("waits").setSymbol("EURUSD").build(), 0);
        twoSlots.onSignalSent(Signal.newBuilder().setSignalKey("answered").setSymbol("EURUSD").build(), 0);
        twoSlots.onReject(Reject.newBuilder().setSignalKey("answered").build(), 50 * MS);

        assertThat(twoSlots.pauseReason(401 * MS)).contains("latency: a signal unanswered for over 400 ms");

        // two newer signals, answered at once, take both slots: the one that waited is forgotten
        for (String key : new String[] {"n1", "n2"}) {
            twoSlots.onSignalSent(Signal.newBuilder().setSignalKey(key).setSymbol("EURUSD").build(), 500 * MS);
            twoSlots.onReject(Reject.newBuilder().setSignalKey(key).build(), 550 * MS);
        }
        assertThat(twoSlots.pauseReason(S)).get().asString().contains("recovering");
        assertThat(twoSlots.pauseReason(31 * S)).isEmpty();
    }

    @Test
    void longPause_reusesItsReason() {
        roundTrip(0, 612);

        assertThat(quality.pauseReason(S).get()).isSameAs(quality.pauseReason(2 * S).get());
    }

    @Test
    void config_rejectsNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExecutionQualityConfig(
                        0, 1, 1, 1, 1, 400, 90, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
