package com.vproptrader.sim.broker;

import com.vproptrader.proto.Tick;
import java.util.HashMap;
import java.util.Map;

/** The last quote of every symbol and the broker's server clock (the latest tick time seen). */
final class Quotes {
    private final Map<String, Tick> last = new HashMap<>();
    private final SymbolSpecs symbols;
    private Tick latest;

    Quotes(SymbolSpecs symbols) {
        this.symbols = symbols;
    }

    void update(Tick tick) {
        last.put(tick.getSymbol(), tick);
        if (latest == null || tick.getTimeMsc() >= latest.getTimeMsc()) {
            latest = tick;
        }
    }

    /** The last tick of {@code symbol}, or null before its first one. */
    Tick get(String symbol) {
        return last.get(symbol);
    }

    /** The latest tick of any symbol, or null before the first. */
    Tick latest() {
        return latest;
    }

    /** Server time: the time of the latest tick, 0 before the first. */
    long clock() {
        return latest == null ? 0 : latest.getTimeMsc();
    }

    /**
     * How much {@code to} one unit of {@code from} is worth, from the mid price of a symbol quoting one in the
     * other (FROMTO directly, TOFROM inverted); NaN when no such symbol has a quote yet.
     */
    double rate(String from, String to) {
        if (from.equals(to)) {
            return 1;
        }
        for (Instrument i : symbols.all()) {
            Tick t = last.get(i.symbol());
            if (t == null) {
                continue;
            }
            double mid = (t.getBid() + t.getAsk()) / 2;
            if (i.baseCurrency().equals(from) && i.quoteCurrency().equals(to)) {
                return mid;
            }
            if (i.baseCurrency().equals(to) && i.quoteCurrency().equals(from)) {
                return 1 / mid;
            }
        }
        return Double.NaN;
    }
}
