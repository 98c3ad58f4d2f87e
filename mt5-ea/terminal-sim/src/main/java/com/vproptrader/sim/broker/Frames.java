package com.vproptrader.sim.broker;

import com.vproptrader.proto.Reject;
import com.vproptrader.proto.TerminalEvent;

/** The frames the broker builds that need no state. */
final class Frames {
    private Frames() {
    }

    static TerminalEvent positionEvent(OpenPosition p) {
        return TerminalEvent.newBuilder().setPosition(p.toProto()).build();
    }

    static TerminalEvent reject(String key, int retcode, String message) {
        return TerminalEvent.newBuilder().setReject(Reject.newBuilder().setSignalKey(key).setRetcode(retcode)
                .setMessage(message)).build();
    }

    static String refusalText(int retcode) {
        return switch (retcode) {
            // EA-level refusals start with the EA's reason codes (PROTOCOL.md §4 reject), as the EA writes
            // them; MT5-level ones carry MT5's description.
            case Retcode.DUPLICATE -> "DUPLICATE_ORDER: signal_key already processed";
            case Retcode.CLIENT_DISABLES_AT -> "ENGINE_HALTED: trading halted by the host";
            case Retcode.INVALID -> "SYMBOL: unknown symbol";
            case Retcode.MARKET_CLOSED -> "market closed";
            case Retcode.TRADE_DISABLED -> "trade disabled";
            case Retcode.LONG_ONLY -> "only long positions are allowed";
            case Retcode.SHORT_ONLY -> "only short positions are allowed";
            case Retcode.CLOSE_ONLY -> "only position closing is allowed";
            case Retcode.FROZEN -> "order or position frozen";
            case Retcode.INVALID_EXPIRATION -> "EXPIRED: expiryMsc passed before execution";
            case Retcode.INVALID_VOLUME -> "VOLUME: invalid volume";
            case Retcode.INVALID_STOPS -> "invalid stops";
            case Retcode.NO_MONEY -> "no money";
            default -> "refused";
        };
    }
}
