package com.vproptrader.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WeekStartTest {

    private static long at(String serverTime) {
        return LocalDateTime.parse(serverTime).toEpochSecond(ZoneOffset.UTC) * 1000;
    }

    @Test
    void theWeekStartsMondayAtMidnightServerTime() {
        assertThat(AdminFeed.weekStartMsc(at("2024-01-04T00:00:00"))).isEqualTo(at("2024-01-01T00:00:00")); // Thursday
        assertThat(AdminFeed.weekStartMsc(at("2024-01-01T00:00:00"))).isEqualTo(at("2024-01-01T00:00:00")); // Monday
        assertThat(AdminFeed.weekStartMsc(at("2024-01-07T00:00:00"))).isEqualTo(at("2024-01-01T00:00:00")); // Sunday
        assertThat(AdminFeed.weekStartMsc(0)).isZero();
    }
}
