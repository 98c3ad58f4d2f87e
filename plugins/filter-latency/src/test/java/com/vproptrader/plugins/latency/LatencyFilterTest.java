package com.vproptrader.plugins.latency;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyFilterTest {
    private final LatencyFilter filter = new LatencyFilter();

    private static FilterInput roundTrips(Double... ms) {
        return FilterInput.newBuilder().addAllRecentRoundTripsMs(List.of(ms))
                .setLastRoundTripMs(ms.length == 0 ? 0 : ms[ms.length - 1]).build();
    }

    @Test
    void fastRoundTrips_pass() {
        FilterVerdict v = filter.check(roundTrips(120.0, 80.0, 150.0));

        assertThat(v.getPass()).isTrue();
        assertThat(v.getReason()).isEqualTo("ok: last round trip 150 ms, p90 144 ms of last 3");
    }

    @Test
    void slowLastRoundTrip_isVetoed() {
        FilterVerdict v = filter.check(roundTrips(120.0, 612.0));

        assertThat(v.getPass()).isFalse();
        assertThat(v.getReason()).isEqualTo("last round trip 612 ms > 400 ms");
    }

    @Test
    void fastLastButSlowP90_isVetoed() {
        FilterVerdict v = filter.check(roundTrips(900.0, 100.0, 100.0, 100.0));

        assertThat(v.getPass()).isFalse();
        assertThat(v.getReason()).isEqualTo("p90 round trip 660 ms of last 4 > 400 ms");
    }

    @Test
    void longUnansweredSignal_isVetoed() {
        FilterVerdict v = filter.check(roundTrips(100.0).toBuilder().setOldestUnansweredMs(1250).build());

        assertThat(v.getPass()).isFalse();
        assertThat(v.getReason()).isEqualTo("a signal unanswered for 1250 ms > 400 ms");
    }

    @Test
    void exactlyAtTheLimit_passes() {
        assertThat(filter.check(roundTrips(400.0, 400.0)).getPass()).isTrue();
    }

    @Test
    void noRoundTripsYet_passes() {
        assertThat(filter.check(FilterInput.getDefaultInstance()).getReason()).isEqualTo("ok: no recent round trips");
    }
}
