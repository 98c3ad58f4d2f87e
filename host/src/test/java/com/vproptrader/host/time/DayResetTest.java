package com.vproptrader.host.time;

import com.vproptrader.host.time.ServerClock;
import com.vproptrader.host.time.ServerTimes;
import com.vproptrader.host.time.ZoneWallClock;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Day reset across zones and DST changes; times below are real UTC instants. */
class DayResetTest {
    private static final DayReset PRAGUE_MIDNIGHT = new DayReset(
            ZoneWallClock.named("Europe/Prague", ServerClock.EET_EU_DST), LocalTime.MIDNIGHT);
    private static final DayReset EET_SERVER_MIDNIGHT = new DayReset(ServerClock.EET_EU_DST, LocalTime.MIDNIGHT);
    private static final DayReset NY_CLOSE_SERVER_MIDNIGHT = new DayReset(ServerClock.NY_CLOSE, LocalTime.MIDNIGHT);
    private static final DayReset NY_FIVE_PM = new DayReset(
            ZoneWallClock.named("America/New_York", ServerClock.UTC), LocalTime.of(17, 0));

    private static Instant utc(String s) {
        return Instant.parse(s);
    }

    @Test
    void ftmo_day_starts_at_prague_midnight_which_is_23_utc_in_winter_and_22_utc_in_summer() {
        assertThat(PRAGUE_MIDNIGHT.dayStart(utc("2026-01-15T12:00:00Z"))).isEqualTo(utc("2026-01-14T23:00:00Z"));
        assertThat(PRAGUE_MIDNIGHT.dayStart(utc("2026-07-15T12:00:00Z"))).isEqualTo(utc("2026-07-14T22:00:00Z"));
    }

    @Test
    void ftmo_reset_is_01_00_on_the_gmt2_3_server_clock_all_year() {
        Instant winter = PRAGUE_MIDNIGHT.dayStart(utc("2026-01-15T12:00:00Z"));
        Instant summer = PRAGUE_MIDNIGHT.dayStart(utc("2026-07-15T12:00:00Z"));
        assertThat(ServerTimes.format(winter, ServerClock.EET_EU_DST)).isEqualTo("2026.01.15 01:00:00");
        assertThat(ServerTimes.format(summer, ServerClock.EET_EU_DST)).isEqualTo("2026.07.15 01:00:00");
    }

    @Test
    void one_second_before_the_reset_belongs_to_the_previous_day() {
        Instant reset = utc("2026-01-14T23:00:00Z");
        assertThat(PRAGUE_MIDNIGHT.dayStart(reset)).isEqualTo(reset);
        assertThat(PRAGUE_MIDNIGHT.dayStart(reset.minusSeconds(1))).isEqualTo(utc("2026-01-13T23:00:00Z"));
        assertThat(PRAGUE_MIDNIGHT.nextReset(reset.minusSeconds(1))).isEqualTo(reset);
        assertThat(PRAGUE_MIDNIGHT.nextReset(reset)).isEqualTo(utc("2026-01-15T23:00:00Z"));
    }

    @Test
    void eu_spring_forward_day_is_23_hours_long() {
        // 29 March 2026: clocks go forward at 01:00 UTC.
        Instant start = PRAGUE_MIDNIGHT.dayStart(utc("2026-03-29T12:00:00Z"));
        assertThat(start).isEqualTo(utc("2026-03-28T23:00:00Z"));
        assertThat(PRAGUE_MIDNIGHT.nextReset(start)).isEqualTo(utc("2026-03-29T22:00:00Z"));
    }

    @Test
    void eu_fall_back_day_is_25_hours_long() {
        // 25 October 2026: clocks go back at 01:00 UTC.
        Instant start = PRAGUE_MIDNIGHT.dayStart(utc("2026-10-25T12:00:00Z"));
        assertThat(start).isEqualTo(utc("2026-10-24T22:00:00Z"));
        assertThat(PRAGUE_MIDNIGHT.nextReset(start)).isEqualTo(utc("2026-10-25T23:00:00Z"));
    }

    @Test
    void eet_server_midnight_moves_with_eu_dst() {
        assertThat(EET_SERVER_MIDNIGHT.dayStart(utc("2026-01-15T12:00:00Z"))).isEqualTo(utc("2026-01-14T22:00:00Z"));
        assertThat(EET_SERVER_MIDNIGHT.dayStart(utc("2026-07-15T12:00:00Z"))).isEqualTo(utc("2026-07-14T21:00:00Z"));
    }

    @Test
    void ny_close_server_midnight_is_17_new_york_even_in_the_weeks_us_and_eu_dst_differ() {
        // 10 March 2026: US already on EDT, EU still on winter time. NY 17:00 EDT = 21:00 UTC.
        assertThat(NY_CLOSE_SERVER_MIDNIGHT.dayStart(utc("2026-03-10T12:00:00Z"))).isEqualTo(utc("2026-03-09T21:00:00Z"));
        assertThat(NY_FIVE_PM.dayStart(utc("2026-03-10T12:00:00Z"))).isEqualTo(utc("2026-03-09T21:00:00Z"));
        // while an EU-DST server's midnight is 22:00 UTC that week
        assertThat(EET_SERVER_MIDNIGHT.dayStart(utc("2026-03-10T12:00:00Z"))).isEqualTo(utc("2026-03-09T22:00:00Z"));
        // 1 November 2026 (US back to EST) vs 25 October (EU): in between they differ again.
        assertThat(NY_CLOSE_SERVER_MIDNIGHT.dayStart(utc("2026-10-28T12:00:00Z"))).isEqualTo(utc("2026-10-27T21:00:00Z"));
        assertThat(NY_CLOSE_SERVER_MIDNIGHT.dayStart(utc("2026-11-03T12:00:00Z"))).isEqualTo(utc("2026-11-02T22:00:00Z"));
    }

    @Test
    void server_clock_round_trips_mt5_timestamps() {
        Instant t = utc("2026-07-14T07:00:00Z");
        long serverMs = ServerClock.EET_EU_DST.toServerMillis(t);
        assertThat(Instant.ofEpochMilli(serverMs)).isEqualTo(utc("2026-07-14T10:00:00Z"));
        assertThat(ServerClock.EET_EU_DST.fromServerMillis(serverMs)).isEqualTo(t);
        assertThat(ServerClock.NY_CLOSE.toLocal(utc("2026-01-14T22:00:00Z")).toString()).isEqualTo("2026-01-15T00:00");
    }

    @Test
    void ambiguous_server_time_at_fall_back_takes_the_first_occurrence() {
        // EET server: 25 Oct 2026 03:30 happens twice (UTC+3 then UTC+2).
        assertThat(ServerTimes.parse("2026.10.25 03:30:00", ServerClock.EET_EU_DST)).isEqualTo(utc("2026-10-25T00:30:00Z"));
    }

    @Test
    void same_day_follows_the_reset_not_the_calendar_date() {
        // 23:30 and 00:30 Prague on consecutive dates are different FTMO days; 00:30 and 23:30 the same date are one.
        assertThat(PRAGUE_MIDNIGHT.sameDay(utc("2026-01-14T22:30:00Z"), utc("2026-01-14T23:30:00Z"))).isFalse();
        assertThat(PRAGUE_MIDNIGHT.sameDay(utc("2026-01-14T23:30:00Z"), utc("2026-01-15T22:30:00Z"))).isTrue();
    }
}
