package com.vproptrader.host.navigator;

import com.vproptrader.host.time.DayReset;

import java.time.DayOfWeek;
import java.time.Instant;

/** Trading days on the firm's day-reset clock: Monday to Friday, each starting at the pack's reset. */
final class TradingCalendar {
    private final DayReset reset;

    TradingCalendar(DayReset reset) {
        this.reset = reset;
    }

    Instant dayStart(Instant t) {
        return reset.dayStart(t);
    }

    Instant nextReset(Instant dayStart) {
        return reset.nextReset(dayStart);
    }

    boolean isTradingDay(Instant dayStart) {
        DayOfWeek d = reset.clock().toLocal(dayStart).getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** The first trading day starting strictly after the day that starts at {@code dayStart}. */
    Instant nextTradingDay(Instant dayStart) {
        Instant next = reset.nextReset(dayStart);
        while (!isTradingDay(next)) {
            next = reset.nextReset(next);
        }
        return next;
    }
}
