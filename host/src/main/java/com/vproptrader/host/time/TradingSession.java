package com.vproptrader.host.time;

import com.vproptrader.host.time.WallClock;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A window in which new positions may be opened, in its own zone so it follows that city's DST
 * (London 08:00–17:00 is 08:00–17:00 whether London is on GMT or BST). Monday to Friday only.
 */
public record TradingSession(String name, WallClock clock, LocalTime open, LocalTime close) {

    public boolean isOpen(Instant now) {
        LocalDateTime local = clock.toLocal(now);
        DayOfWeek day = local.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        return !t.isBefore(open) && t.isBefore(close);
    }
}
