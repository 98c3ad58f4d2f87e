package com.vproptrader.host.macro;

import com.vproptrader.host.macro.fred.FredObservation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a FRED vintage became known. FRED dates a vintage ({@code realtime_start}) to the day, in St. Louis
 * (US Central) time, without the hour; a value is therefore taken as known {@code lag} after the start of that
 * day, one day by default (the end of the publication day): never earlier than it could have been read, at the
 * price of up to a day's delay. Revisions are later vintages, so they become known later too.
 */
public record ReleaseClock(ZoneId zone, Duration lag) {

    public static ReleaseClock defaults() {
        return new ReleaseClock(ZoneId.of("America/Chicago"), Duration.ofDays(1));
    }

    public Instant knownAt(FredObservation o) {
        return o.realtimeStart().atStartOfDay(zone).toInstant().plus(lag);
    }

    /** Every vintage with a value as a fact, in the order they became known. */
    public List<MacroFact> facts(List<FredObservation> rows) {
        List<MacroFact> out = new ArrayList<>();
        for (FredObservation o : rows) {
            if (o.value().isPresent()) {
                out.add(new MacroFact(knownAt(o), o.seriesId(), o.date(), o.value().getAsDouble()));
            }
        }
        out.sort(Comparator.comparing(MacroFact::knownAt).thenComparing(MacroFact::series).thenComparing(MacroFact::period));
        return out;
    }
}
