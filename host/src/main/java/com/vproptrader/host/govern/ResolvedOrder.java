package com.vproptrader.host.govern;

import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.order.OpenPosition;
import com.vproptrader.host.govern.order.OrderIntent;
import com.vproptrader.host.govern.order.OrderKind;
import com.vproptrader.proto.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An order tied to what it acts on: for OPEN the position it would create (marked at its price),
 * for CLOSE/MODIFY the position it names; and the open positions as they would be afterwards.
 */
public record ResolvedOrder(OrderIntent order, OpenPosition subject, List<OpenPosition> before,
                            List<OpenPosition> after) {

    /** Resolves {@code order} against the account, or says why it is malformed (INVALID_ORDER). */
    static Resolution resolve(OrderIntent order, AccountView account) {
        if (order.key() == null || order.key().isBlank()) {
            return Resolution.invalid("order has no idempotency key");
        }
        List<OpenPosition> before = account.positions();
        return switch (order.kind()) {
            case OPEN -> resolveOpen(order, before);
            case CLOSE, MODIFY -> resolveExisting(order, account, before);
        };
    }

    private static Resolution resolveOpen(OrderIntent o, List<OpenPosition> before) {
        if (o.side() != Side.BUY && o.side() != Side.SELL) {
            return Resolution.invalid("side must be BUY or SELL");
        }
        if (!(o.volume() > 0) || !(o.price() > 0) || !(o.tickSize() > 0) || !(o.tickValue() > 0)
                || o.symbol() == null || o.symbol().isBlank() || o.sl() < 0 || o.tp() < 0) {
            return Resolution.invalid("OPEN needs symbol, volume > 0, price > 0, tickSize > 0, tickValue > 0, sl/tp >= 0");
        }
        if (o.sl() > 0 && (o.side() == Side.BUY ? o.sl() >= o.price() : o.sl() <= o.price())) {
            return Resolution.invalid("SL " + o.sl() + " is on the wrong side of price " + o.price());
        }
        OpenPosition subject = new OpenPosition(0, o.symbol(), o.side(), o.volume(), o.price(), o.sl(), o.tp(),
                o.price(), o.tickSize(), o.tickValue());
        List<OpenPosition> after = new ArrayList<>(before);
        after.add(subject);
        return Resolution.ok(new ResolvedOrder(o, subject, before, List.copyOf(after)));
    }

    private static Resolution resolveExisting(OrderIntent o, AccountView account, List<OpenPosition> before) {
        Optional<OpenPosition> found = account.position(o.ticket());
        if (found.isEmpty()) {
            return Resolution.invalid(o.kind() + " names unknown ticket " + o.ticket());
        }
        OpenPosition p = found.get();
        List<OpenPosition> after = new ArrayList<>();
        for (OpenPosition q : before) {
            if (q.ticket() != p.ticket()) {
                after.add(q);
            } else if (o.kind() == OrderKind.MODIFY) {
                if (o.sl() < 0 || o.tp() < 0) {
                    return Resolution.invalid("MODIFY needs sl/tp >= 0");
                }
                after.add(q.withStops(o.sl(), o.tp()));
            } else if (o.volume() < 0 || o.volume() > q.volume()) {
                return Resolution.invalid("CLOSE volume " + o.volume() + " outside 0.." + q.volume());
            } else if (o.volume() > 0 && o.volume() < q.volume()) {
                after.add(q.withVolume(q.volume() - o.volume()));
            }
        }
        return Resolution.ok(new ResolvedOrder(o, p, before, List.copyOf(after)));
    }

    /** Either a resolved order or the reason it could not be resolved. */
    record Resolution(ResolvedOrder order, String invalidReason) {
        static Resolution ok(ResolvedOrder o) {
            return new Resolution(o, null);
        }

        static Resolution invalid(String why) {
            return new Resolution(null, why);
        }
    }
}
