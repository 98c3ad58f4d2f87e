package com.vproptrader.sim.data;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the INVENTED ticks of one symbol move, in the symbol's points (1 point = 10^-digits): where the mid starts,
 * its noise per tick, its spread range and the drift of its trending bursts. Chosen so each symbol's spread and
 * volatility look like a quiet-to-busy session of that market (EURUSD a ~0.6–1.5 pip spread and ~1.5 points of
 * noise a tick, gold ~0.2–0.45 dollars and ~12 cents a tick, the US30 index ~2–4 points and ~1 point a tick...),
 * never real prices.
 *
 * @param symbol      the name
 * @param digits      price decimals
 * @param startPoints the first mid, in points
 * @param noise       standard deviation of the mid's move per tick, points
 * @param spreadMin   narrowest spread, points
 * @param spreadRange spreads spread over [min, min + range), skewed toward the minimum
 * @param driftMin    slowest trending drift, points per tick
 * @param driftRange  trending drift is in [driftMin, driftMin + driftRange)
 */
public record SymbolProfile(String symbol, int digits, long startPoints, double noise, int spreadMin, int spreadRange,
                            double driftMin, double driftRange) {

    /** The six symbols of the demo. EURUSD's is the original generator's, so its ticks are unchanged. */
    public static final List<SymbolProfile> SIX = List.of(
            new SymbolProfile("EURUSD", 5, 109_500, 1.5, 6, 10, 0.25, 0.2),
            new SymbolProfile("GBPUSD", 5, 127_000, 2.0, 8, 12, 0.33, 0.27),
            new SymbolProfile("USDJPY", 3, 150_000, 2.0, 8, 10, 0.33, 0.27),
            new SymbolProfile("XAUUSD", 2, 200_000, 12.0, 20, 25, 2.0, 1.6),
            new SymbolProfile("US30", 1, 390_000, 10.0, 20, 20, 1.7, 1.3),
            new SymbolProfile("NAS100", 2, 1_800_000, 40.0, 100, 100, 6.7, 5.3));

    private static final Map<String, SymbolProfile> BY_NAME =
            SIX.stream().collect(Collectors.toMap(SymbolProfile::symbol, Function.identity()));

    /** The profile of a known symbol; any other name moves like EURUSD under its own name. */
    public static SymbolProfile of(String symbol) {
        SymbolProfile p = BY_NAME.get(symbol);
        return p != null ? p : new SymbolProfile(symbol, 5, 109_500, 1.5, 6, 10, 0.25, 0.2);
    }

    /** 10^-digits as the double nearest to it (10^digits is exact, so is the division's rounding). */
    public double point() {
        return 1.0 / Math.pow(10, digits);
    }
}
