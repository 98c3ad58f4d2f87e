package com.vproptrader.plugin.api;

import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import org.pf4j.ExtensionPoint;

/**
 * Vetoes a candidate trade on execution quality (spread, slippage, latency...).
 * Same threading and time-budget contract as {@link AlphaStrategy}.
 */
public interface SignalFilter extends ExtensionPoint {
    FilterVerdict check(FilterInput input);
}
