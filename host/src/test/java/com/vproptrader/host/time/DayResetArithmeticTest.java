package com.vproptrader.host.time;

import com.vproptrader.host.time.ServerClock;
import com.vproptrader.host.time.WallClock;
import com.vproptrader.host.time.ZoneWallClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day reset's millisecond arithmetic gives the same days as the calendar arithmetic on local date-times
 * (the definition), every quarter hour of 2025–2027 on every clock a pack may name, including resets that fall
 * into a spring-forward gap (02:30 in Prague) or the repeated autumn hour.
 */
class DayResetArithmeticTest {

    @Test
    void every_quarter_hour_of_three_years_falls_in_the_same_day_as_the_calendar_says() {
        List<WallClock> clocks = List.of(ServerClock.EET_EU_DST, ServerClock.NY_CLOSE, ServerClock.UTC,
                ZoneWallClock.named("Europe/Prague", ServerClock.UTC), ZoneWallClock.named("Europe/London", ServerClock.UTC),
                ZoneWallClock.named("America/New_York", ServerClock.UTC));
        List<LocalTime> times = List.of(LocalTime.MIDNIGHT, LocalTime.of(1, 0), LocalTime.of(2, 30), LocalTime.of(17, 0),
                LocalTime.of(23, 59));
        Instant from = Instant.parse("2025-01-01T00:07:00Z");
        Instant until = Instant.parse("2028-01-01T00:00:00Z");
        long checked = 0;
        for (WallClock clock : clocks) {
            for (LocalTime time : times) {
                DayReset reset = new DayReset(clock, time);
                Instant previous = from;
                for (Instant t = from; t.isBefore(until); t = t.plus(Duration.ofMinutes(15))) {
                    Instant start = calendarDayStart(clock, time, t);
                    assertThat(reset.dayStart(t)).as("%s %s at %s", clock, time, t).isEqualTo(start);
                    assertThat(reset.nextReset(t)).as("next %s %s at %s", clock, time, t)
                            .isEqualTo(clock.toInstant(clock.toLocal(start).toLocalDate().plusDays(1).atTime(time)));
                    assertThat(reset.daysBetween(previous, t)).isEqualTo((int) ChronoUnit.DAYS.between(
                            clock.toLocal(calendarDayStart(clock, time, previous)).toLocalDate(),
                            clock.toLocal(start).toLocalDate()));
                    previous = t.minus(Duration.ofHours(t.getEpochSecond() % 97)); // varying spans back
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(3_000_000);
    }

    /** The definition: the latest local reset at or before {@code now}, read on the wall clock. */
    private static Instant calendarDayStart(WallClock clock, LocalTime time, Instant now) {
        LocalDateTime local = clock.toLocal(now);
        LocalDateTime candidate = local.toLocalDate().atTime(time);
        if (candidate.isAfter(local)) {
            candidate = candidate.minusDays(1);
        }
        Instant start = clock.toInstant(candidate);
        return start.isAfter(now) ? clock.toInstant(candidate.minusDays(1)) : start;
    }
}
