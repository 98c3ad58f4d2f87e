package com.vproptrader.host.govern;

import java.util.Optional;

/** One check on an order; a pure function of the resolved order and the snapshot. */
@FunctionalInterface
interface Governor {
    /** The veto, or empty when this governor lets the order through. */
    Optional<Verdict> check(ResolvedOrder order, GovernorInput in);
}
