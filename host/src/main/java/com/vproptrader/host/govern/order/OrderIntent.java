package com.vproptrader.host.govern.order;

import com.vproptrader.proto.Side;

/**
 * An order the engine wants to send, before it is sent. OPEN carries its own symbol data; CLOSE
 * (volume 0 = all) and MODIFY (new sl/tp) name a position by {@code ticket} and take the rest from it.
 * {@code key} is the idempotency key that travels with the signal to the EA.
 */
public record OrderIntent(OrderKind kind, String key, String symbol, Side side, double volume, double price,
                          double sl, double tp, double tickSize, double tickValue, long ticket) {

    public static OrderIntent open(String key, String symbol, Side side, double volume, double price, double sl,
                                   double tp, double tickSize, double tickValue) {
        return new OrderIntent(OrderKind.OPEN, key, symbol, side, volume, price, sl, tp, tickSize, tickValue, 0);
    }

    public static OrderIntent close(String key, long ticket, double volume) {
        return new OrderIntent(OrderKind.CLOSE, key, "", Side.SIDE_UNSPECIFIED, volume, 0, 0, 0, 0, 0, ticket);
    }

    public static OrderIntent modify(String key, long ticket, double sl, double tp) {
        return new OrderIntent(OrderKind.MODIFY, key, "", Side.SIDE_UNSPECIFIED, 0, 0, sl, tp, 0, 0, ticket);
    }
}
