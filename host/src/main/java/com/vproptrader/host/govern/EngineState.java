package com.vproptrader.host.govern;

/**
 * The risk engine's mode (after NautilusTrader's risk engine). ACTIVE trades normally; REDUCING
 * only lets exposure shrink (closes, stops tightened); HALTED only closes.
 */
public enum EngineState {
    ACTIVE,
    REDUCING,
    HALTED
}
