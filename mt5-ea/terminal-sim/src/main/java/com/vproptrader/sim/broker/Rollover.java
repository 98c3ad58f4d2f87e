package com.vproptrader.sim.broker;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Swap nights charged at server midnight. The rollover at the midnight ending a weekday charges one night,
 * the one ending the triple-swap day charges three (the weekend's two nights), the ones ending Saturday and
 * Sunday charge nothing: seven nights a week, as forex value dates roll.
 */
final class Rollover {
    private static final long DAY_MSC = 86_400_000L;

    private Rollover() {
    }

    /** Swap nights to charge for server time moving from {@code fromMsc} to {@code toMsc} (both server time). */
    static int nightsBetween(long fromMsc, long toMsc, DayOfWeek tripleDay) {
        int nights = 0;
        for (long day = Math.floorDiv(fromMsc, DAY_MSC); day < Math.floorDiv(toMsc, DAY_MSC); day++) {
            nights += nightsEnding(LocalDate.ofEpochDay(day).getDayOfWeek(), tripleDay);
        }
        return nights;
    }

    /** Nights charged at the midnight that ends {@code day}. */
    static int nightsEnding(DayOfWeek day, DayOfWeek tripleDay) {
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return 0;
        }
        return day == tripleDay ? 3 : 1;
    }
}
