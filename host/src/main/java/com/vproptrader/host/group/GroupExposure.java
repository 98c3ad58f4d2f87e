package com.vproptrader.host.group;

import java.util.Map;
import java.util.Optional;

/**
 * What this account holds, as the rest of its group sees it. Called on the account's event loop only.
 */
public interface GroupExposure extends AutoCloseable {
    /** A host outside any group: nothing is booked or refused. */
    GroupExposure NONE = new GroupExposure() {
        @Override
        public Optional<Refusal> book(String symbol, double lots) {
            return Optional.empty();
        }

        @Override
        public void holding(Map<String, Double> lotsBySymbol, long nowNanos) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Books {@code lots} of this account on {@code symbol} when the group's caps allow it (atomically against
     * every other account's booking); otherwise the refusal. Unknown group state refuses: fail safe.
     */
    Optional<Refusal> book(String symbol, double lots);

    /**
     * This account's lots per symbol now (open positions and orders awaiting their fill; 0 = none). Changed
     * figures go out at once, every non-zero one again every second (a Redis that restarted empty learns them back).
     */
    void holding(Map<String, Double> lotsBySymbol, long nowNanos);

    @Override
    void close();

    /** Why a booking was refused: the code the veto is counted under, and what the group held. */
    record Refusal(String code, String detail) {
    }
}
