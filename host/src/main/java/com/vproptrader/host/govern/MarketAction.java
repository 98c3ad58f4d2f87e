package com.vproptrader.host.govern;

import java.util.List;

/**
 * What the engine must do after a market update, whatever the strategies want:
 * <ul>
 *   <li>NONE — nothing;</li>
 *   <li>CLOSE_POSITIONS — close {@code tickets} (before a news window or a long market break);</li>
 *   <li>REDUCE — the engine is now REDUCING; close {@code tickets} (the largest worst-case loss first);</li>
 *   <li>FLATTEN — close every position ({@code tickets}) and delete pending orders; when the reason is
 *       *_IMMINENT the engine is now HALTED (a breach is imminent);</li>
 *   <li>HALT — the engine is HALTED and there is nothing to close.</li>
 * </ul>
 * Closes requested here bypass the order governors (a flatten must not wait for a news window).
 */
public record MarketAction(Kind kind, ReasonCode reason, String detail, List<Long> tickets) {

    public enum Kind {
        NONE,
        CLOSE_POSITIONS,
        REDUCE,
        FLATTEN,
        HALT
    }

    public static final MarketAction NONE = new MarketAction(Kind.NONE, ReasonCode.OK, "", List.of());

    public MarketAction {
        tickets = List.copyOf(tickets);
    }
}
