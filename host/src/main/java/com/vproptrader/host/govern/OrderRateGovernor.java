package com.vproptrader.host.govern;

import java.time.Duration;
import java.util.Optional;

/**
 * Governor 7. A key already sent is a retry or a replayed signal and must not trade twice; at most
 * {@code maxOrdersPerMinute} OPEN/MODIFY orders in any 60 s (closes are never throttled: they cut risk).
 */
final class OrderRateGovernor implements Governor {
    private static final Duration WINDOW = Duration.ofSeconds(60);

    Optional<Verdict> duplicate(ResolvedOrder o, GovernorInput in) {
        String key = o.order().key();
        int hash = key.hashCode(); // cached in each key: a day of keys is compared by hash first
        for (SentOrder s : in.recentOrders()) {
            if (s.key().hashCode() == hash && s.key().equals(key)) {
                return Optional.of(Verdict.veto(ReasonCode.DUPLICATE_ORDER, "idempotency key '" + key + "' already sent"));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Verdict> check(ResolvedOrder o, GovernorInput in) {
        if (o.order().kind() == OrderKind.CLOSE) {
            return Optional.empty();
        }
        var windowStart = in.now().minus(WINDOW);
        long inWindow = 0;
        for (SentOrder s : in.recentOrders()) {
            if (s.time().isAfter(windowStart) && !s.time().isAfter(in.now())) {
                inWindow++;
            }
        }
        int max = in.pack().limits().maxOrdersPerMinute();
        return inWindow >= max
                ? Optional.of(Verdict.veto(ReasonCode.ORDER_RATE, inWindow + " orders in the last 60 s (max " + max + ")"))
                : Optional.empty();
    }
}
