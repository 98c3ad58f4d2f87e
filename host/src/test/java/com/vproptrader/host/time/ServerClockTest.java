package com.vproptrader.host.time;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServerClockTest {
    static long utc(String iso) {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void newYorkClose_isGmtPlus2InWinter_andPlus3FromUsDst() {
        ServerClock b = ServerClock.NY_CLOSE;
        assertThat(b.toServerMsc(utc("2024-03-08T12:00:00"))).isEqualTo(utc("2024-03-08T14:00:00"));
        assertThat(b.toServerMsc(utc("2024-03-11T12:00:00"))).isEqualTo(utc("2024-03-11T15:00:00"));
        // server midnight is 17:00 in New York on both sides
        assertThat(b.toUtcMsc(utc("2024-03-08T00:00:00"))).isEqualTo(utc("2024-03-07T22:00:00"));
        assertThat(b.toUtcMsc(utc("2024-03-12T00:00:00"))).isEqualTo(utc("2024-03-11T21:00:00"));
    }

    @Test
    void europeanRule_switchesOnEuDates() {
        ServerClock b = ServerClock.of(ZoneId.of("Europe/Athens"));
        assertThat(b.toServerMsc(utc("2024-03-20T12:00:00"))).isEqualTo(utc("2024-03-20T14:00:00"));
        assertThat(b.toServerMsc(utc("2024-04-02T12:00:00"))).isEqualTo(utc("2024-04-02T15:00:00"));
    }

    @Test
    void roundTrip_holdsEveryQuarterHourThroughAYear_exceptTheRepeatedHour() {
        ServerClock b = ServerClock.NY_CLOSE;
        for (long t = utc("2024-01-01T00:00:00"); t < utc("2025-01-01T00:00:00"); t += 900_000L) {
            long back = b.toUtcMsc(b.toServerMsc(t));
            // in the fall-back hour two instants share a server time: the earlier one is returned
            assertThat(back == t || back == t - 3_600_000L).as("utc %d", t).isTrue();
        }
        assertThat(ServerClock.of(java.time.ZoneOffset.ofHours(2)).toServerMsc(utc("2024-07-01T00:00:00"))).isEqualTo(utc("2024-07-01T02:00:00"));
    }
}
