package com.vproptrader.host.macro.calendar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which calendar currencies move which symbols, written out symbol by symbol: a US index or gold has no "USD"
 * in its name yet moves on US data. The map is configuration ({@code calendar.symbols} in the macro config);
 * {@link #defaults()} covers the majors, the metals and the main index CFDs.
 */
public final class CurrencyMap {
    private final Map<String, Set<String>> currenciesBySymbol;

    public CurrencyMap(Map<String, ? extends java.util.Collection<String>> currenciesBySymbol) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        currenciesBySymbol.forEach((symbol, currencies) -> {
            if (symbol.isBlank() || currencies.isEmpty()) {
                throw new IllegalArgumentException("currency map: symbol '" + symbol + "' needs at least one currency");
            }
            for (String c : currencies) {
                if (!c.matches("[A-Z]{3}")) {
                    throw new IllegalArgumentException("currency map: " + symbol + " -> '" + c + "' is not an ISO code");
                }
            }
            copy.put(symbol, Set.copyOf(currencies));
        });
        this.currenciesBySymbol = Map.copyOf(copy);
    }

    public static CurrencyMap defaults() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        String[] majors = {"EUR", "USD", "GBP", "JPY", "CHF", "AUD", "NZD", "CAD"};
        for (int i = 0; i < majors.length; i++) {
            for (int j = 0; j < majors.length; j++) {
                if (i != j) {
                    m.put(majors[i] + majors[j], List.of(majors[i], majors[j]));
                }
            }
        }
        for (String usd : List.of("XAUUSD", "XAGUSD", "US30", "US100", "NAS100", "US500", "SPX500", "USOIL", "WTI")) {
            m.put(usd, List.of("USD"));
        }
        m.put("GER40", List.of("EUR"));
        m.put("DE40", List.of("EUR"));
        m.put("UK100", List.of("GBP"));
        m.put("JP225", List.of("JPY"));
        m.put("AUS200", List.of("AUD"));
        return new CurrencyMap(m);
    }

    /** Symbols moved by {@code currency}, sorted; empty when no mapped symbol is. */
    public List<String> symbolsOf(String currency) {
        Set<String> out = new TreeSet<>();
        currenciesBySymbol.forEach((symbol, currencies) -> {
            if (currencies.contains(currency)) {
                out.add(symbol);
            }
        });
        return new ArrayList<>(out);
    }

    /** Every mapped symbol, sorted. */
    public List<String> symbols() {
        return new ArrayList<>(new TreeSet<>(currenciesBySymbol.keySet()));
    }

    public Set<String> currenciesOf(String symbol) {
        return currenciesBySymbol.getOrDefault(symbol, Set.of());
    }
}
