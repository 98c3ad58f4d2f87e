package com.vproptrader.host.govern.calendar;

import java.time.Instant;
import java.util.List;

/**
 * A calendar event. {@code symbols} lists the affected instruments; when empty, every symbol whose
 * name contains {@code currency} is affected (EURUSD and XAUUSD for USD). The macro calendar fills
 * {@code symbols} from its explicit symbol-to-currency map (US30 for USD).
 */
public record NewsEvent(Instant time, String currency, Impact impact, List<String> symbols) {

    public NewsEvent {
        symbols = List.copyOf(symbols);
    }

    public boolean affects(String symbol) {
        return symbols.isEmpty() ? symbol.contains(currency) : symbols.contains(symbol);
    }
}
