package com.vproptrader.host.macro.calendar;

import com.vproptrader.host.govern.calendar.Impact;

import java.time.OffsetDateTime;

/**
 * One scheduled release as the calendar export states it: its local time with the zone offset it was published
 * in (New York time for ForexFactory, so -05:00 or -04:00 across US daylight saving), the currency it moves
 * ({@link ForexFactoryWeek#ALL} for events that move every currency) and its impact.
 */
public record CalendarEvent(String title, String currency, OffsetDateTime time, Impact impact) {
}
