package com.vproptrader.host.time;

import com.vproptrader.host.time.ZoneWallClock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The forex week: it closes Friday 17:00 New York and reopens Sunday 17:00 New York, whatever
 * the broker's server clock says (so it follows US DST, not the server's).
 */
public final class MarketHours {
    private static final LocalTime ROLL = LocalTime.of(17, 0);

    private MarketHours() {
    }

    /**
     * True from {@code lead} before Friday's 17:00 New York close until Sunday's 17:00 New York reopening,
     * both edges as instants: the close itself and all of Friday evening after it are the weekend (the FX
     * market is shut), the reopening is not.
     */
    public static boolean inWeekend(Instant now, Duration lead) {
        LocalDateTime ny = ZoneWallClock.NEW_YORK.toLocal(now);
        DayOfWeek day = ny.getDayOfWeek();
        LocalTime time = ny.toLocalTime();
        if (day == DayOfWeek.SATURDAY
                || (day == DayOfWeek.SUNDAY && time.isBefore(ROLL))
                || (day == DayOfWeek.FRIDAY && !time.isBefore(ROLL))) {
            return true;
        }
        return !now.isBefore(weekClose(now).minus(lead));
    }

    /**
     * The current trading week's close, Friday 17:00 New York (on a Friday evening: that day's close, already
     * past; on Saturday: the next Friday's).
     */
    public static Instant weekClose(Instant now) {
        LocalDate date = ZoneWallClock.NEW_YORK.toLocal(now).toLocalDate();
        LocalDate friday = date.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        return ZoneWallClock.NEW_YORK.toInstant(friday.atTime(ROLL));
    }
}
