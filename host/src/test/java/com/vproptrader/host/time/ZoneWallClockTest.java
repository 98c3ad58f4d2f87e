package com.vproptrader.host.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zones rule packs may name read their cached DST period: every quarter hour of 2026 (both switches, the
 * spring gap and the autumn overlap) converts exactly as java.time's zone rules say, in both directions and
 * whatever order the times are asked in.
 */
class ZoneWallClockTest {

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Prague", "Europe/London", "America/New_York", "UTC"})
    void everyQuarterHourOf2026_convertsAsTheZoneRulesSay(String name) {
        WallClock clock = ZoneWallClock.named(name, ServerClock.UTC);
        ZoneId zone = ZoneId.of(name);
        for (LocalDateTime local = LocalDateTime.of(2026, 1, 1, 0, 0); local.getYear() == 2026;
             local = local.plusMinutes(15)) {
            Instant expected = ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
            assertThat(clock.toInstant(local)).as("%s in %s", local, name).isEqualTo(expected);
            Instant instant = local.toInstant(java.time.ZoneOffset.UTC);
            assertThat(clock.toLocal(instant)).as("%s UTC in %s", instant, name)
                    .isEqualTo(LocalDateTime.ofInstant(instant, zone));
            // a far-away time in between, so the cached period is left and found again
            Instant away = instant.plusSeconds(200L * 86_400);
            assertThat(clock.toLocal(away)).isEqualTo(LocalDateTime.ofInstant(away, zone));
        }
    }
}
