package com.vproptrader.host.govern;

import com.vproptrader.host.govern.order.OrderKind;

import java.time.Duration;
import java.util.Optional;

/**
 * Governor 7. A key already sent is a retry or a replayed signal and must not trade twice; at most
 * {@code maxOrdersPerMinute} OPEN/MODIFY orders in any 60 s (closes are never throttled: they cut risk). Both
 * questions go to the {@link SentOrders} index, so a day of keys costs no scan.
 */
final class OrderRateGovernor implements Governor {
    private static final Duration WINDOW = Duration.ofSeconds(60);

    Optional<Verdict> duplicate(ResolvedOrder o, GovernorInput in) {
        String key = o.order().key();
        return in.recentOrders().contains(key)
                ? Optional.of(Verdict.veto(ReasonCode.DUPLICATE_ORDER, "idempotency key '" + key + "' already sent"))
                : Optional.empty();
    }

    @Override
    public Optional<Verdict> check(ResolvedOrder o, GovernorInput in) {
        if (o.order().kind() == OrderKind.CLOSE) {
            return Optional.empty();
        }
        long inWindow = in.recentOrders().countSentIn(in.now().minus(WINDOW), in.now());
        int max = in.pack().limits().maxOrdersPerMinute();
        return inWindow >= max
                ? Optional.of(Verdict.veto(ReasonCode.ORDER_RATE, inWindow + " orders in the last 60 s (max " + max + ")"))
                : Optional.empty();
    }
}
