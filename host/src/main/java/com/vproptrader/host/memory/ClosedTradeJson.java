package com.vproptrader.host.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;

/** A closed trade as one JSON object, money in whole cents; the form kept in Redis. */
final class ClosedTradeJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stored form: every field of {@link ClosedTrade}, money as cents. */
    record Stored(long positionId, String signalKey, String alpha, String alphaVersion, String regime, String session,
                  String symbol, String side, double volume, double entryPrice, double exitPrice, long openTimeMsc,
                  long closeTimeMsc, long pnlCents, long riskCents, String exitReason) {
    }

    private ClosedTradeJson() {
    }

    static String write(ClosedTrade t) {
        try {
            return JSON.writeValueAsString(new Stored(t.positionId(), t.signalKey(), t.alpha(), t.alphaVersion(),
                    t.regime(), t.session(), t.symbol(), t.side().name(), t.volume(), t.entryPrice(), t.exitPrice(),
                    t.openTimeMsc(), t.closeTimeMsc(), t.pnl().cents(), t.riskAtStop().cents(), t.exitReason()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write closed trade " + t.positionId(), e);
        }
    }

    /** Reads one stored trade; throws IllegalArgumentException naming what is wrong. */
    static ClosedTrade read(String json) {
        try {
            Stored s = JSON.readValue(json, Stored.class);
            return new ClosedTrade(s.positionId(), s.signalKey(), s.alpha(), s.alphaVersion(), s.regime(), s.session(),
                    s.symbol(), Side.valueOf(s.side()), s.volume(), s.entryPrice(), s.exitPrice(), s.openTimeMsc(),
                    s.closeTimeMsc(), Money.ofCents(s.pnlCents()), Money.ofCents(s.riskCents()), s.exitReason());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a stored closed trade: " + e.getMessage(), e);
        }
    }
}
