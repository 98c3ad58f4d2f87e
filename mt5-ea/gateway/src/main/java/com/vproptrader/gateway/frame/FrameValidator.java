package com.vproptrader.gateway.frame;

import com.google.protobuf.Message;
import com.vproptrader.proto.Account;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Close;
import com.vproptrader.proto.EaState;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.Modify;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import java.util.List;

/**
 * Boundary checks on decoded frame payloads: the values nothing downstream should ever have to doubt.
 * Returns a problem description, or {@code null} when the message is acceptable. (That every double is finite is
 * checked as the frame is read, {@link JsonToProto}.)
 */
final class FrameValidator {
    private FrameValidator() {
    }

    static String problem(Message payload) {
        if (payload instanceof Tick t) {
            return tick(t);
        } else if (payload instanceof Bar b) {
            return bar(b);
        } else if (payload instanceof Account a) {
            return account(a);
        } else if (payload instanceof Fill f) {
            return fill(f);
        } else if (payload instanceof Position p) {
            return position(p);
        } else if (payload instanceof Hello h) {
            return hello(h);
        } else if (payload instanceof Signal s) {
            return signal(s);
        } else if (payload instanceof Modify m) {
            return firstOf(m.getTicket() <= 0 ? "ticket must be > 0" : null, stops(m.getSl(), m.getTp()));
        } else if (payload instanceof EaState e) {
            return firstOf(List.of("ACTIVE", "REDUCING", "HALTED").contains(e.getEngineState()) ? null
                    : "engineState must be ACTIVE, REDUCING or HALTED", e.getDayStartBalance() < 0
                    || e.getDayStartEquity() < 0 ? "day start balance and equity must be >= 0" : null);
        } else if (payload instanceof Close c) {
            return firstOf(c.getTicket() <= 0 ? "ticket must be > 0" : null,
                    c.getVolume() < 0 ? "volume must be >= 0" : null);
        }
        return null;
    }

    private static String tick(Tick t) {
        if (t.getSymbol().isEmpty()) return "symbol is empty";
        if (t.getBid() <= 0 || t.getAsk() <= 0) return "bid and ask must be > 0";
        if (t.getAsk() < t.getBid()) return "ask " + t.getAsk() + " is below bid " + t.getBid();
        if (t.getLast() < 0) return "last must be >= 0";
        if (t.getVolume() < 0) return "volume must be >= 0";
        if (t.getTimeMsc() <= 0) return "timeMsc must be > 0";
        return null;
    }

    private static String bar(Bar b) {
        if (b.getSymbol().isEmpty()) return "symbol is empty";
        if (b.getOpen() <= 0 || b.getHigh() <= 0 || b.getLow() <= 0 || b.getClose() <= 0) {
            return "open, high, low, close must be > 0";
        }
        if (b.getHigh() < Math.max(b.getOpen(), b.getClose()) || b.getLow() > Math.min(b.getOpen(), b.getClose())) {
            return "high/low do not enclose open and close";
        }
        if (b.getTickVolume() < 0 || b.getRealVolume() < 0) return "volumes must be >= 0";
        if (b.getSpreadPoints() < 0) return "spreadPoints must be >= 0";
        if (b.getOpenTimeMsc() <= 0) return "openTimeMsc must be > 0";
        return null;
    }

    private static String account(Account a) {
        if (a.getAccountId().isEmpty()) return "accountId is empty";
        if (a.getMargin() < 0) return "margin must be >= 0";
        if (a.getLeverage() < 0) return "leverage must be >= 0";
        return null;
    }

    private static String fill(Fill f) {
        if (f.getSymbol().isEmpty()) return "symbol is empty";
        if (!sided(f.getSide())) return "side must be BUY or SELL";
        if (f.getVolume() <= 0) return "volume must be > 0";
        if (f.getPrice() <= 0) return "price must be > 0";
        return null;
    }

    private static String position(Position p) {
        if (p.getTicket() <= 0) return "ticket must be > 0";
        if (p.getSymbol().isEmpty()) return "symbol is empty";
        if (!sided(p.getSide())) return "side must be BUY or SELL";
        if (p.getVolume() < 0) return "volume must be >= 0";
        if (p.getOpenPrice() <= 0) return "openPrice must be > 0";
        return stops(p.getSl(), p.getTp());
    }

    private static String hello(Hello h) {
        if (h.getAccountId().isEmpty()) return "accountId is empty";
        if (h.hasAccount()) {
            String p = account(h.getAccount());
            if (p != null) return "account: " + p;
        }
        for (SymbolSpec s : h.getSymbolsList()) {
            String p = symbol(s);
            if (p != null) return "symbols[" + s.getSymbol() + "]: " + p;
        }
        for (Position pos : h.getPositionsList()) {
            String p = position(pos);
            if (p != null) return "positions[" + pos.getTicket() + "]: " + p;
        }
        for (Fill deal : h.getRecentDealsList()) {
            String p = deal.getDeal() <= 0 ? "deal must be > 0" : fill(deal);
            if (p != null) return "recentDeals[" + deal.getDeal() + "]: " + p;
        }
        return null;
    }

    private static String symbol(SymbolSpec s) {
        if (s.getSymbol().isEmpty()) return "symbol is empty";
        if (s.getDigits() < 0 || s.getDigits() > 10) return "digits must be 0..10";
        if (s.getContractSize() <= 0 || s.getTickSize() <= 0 || s.getTickValue() <= 0) {
            return "contractSize, tickSize, tickValue must be > 0";
        }
        if (s.getVolumeMin() <= 0 || s.getVolumeStep() <= 0 || s.getVolumeMax() < s.getVolumeMin()) {
            return "volumes must satisfy 0 < volumeMin <= volumeMax and volumeStep > 0";
        }
        if (s.getStopsLevelPoints() < 0) return "stopsLevelPoints must be >= 0";
        if (s.getFreezeLevelPoints() < 0) return "freezeLevelPoints must be >= 0";
        if (s.getTradeMode() == com.vproptrader.proto.SymbolTradeMode.UNRECOGNIZED) return "tradeMode is unknown";
        for (com.vproptrader.proto.TradeSession t : s.getTradeSessionsList()) {
            if (t.getDayOfWeek() < 0 || t.getDayOfWeek() > 6 || t.getFromSec() < 0 || t.getFromSec() >= t.getToSec()
                    || t.getToSec() > 86_400) {
                return "tradeSessions must have dayOfWeek 0..6 and 0 <= fromSec < toSec <= 86400";
            }
        }
        return null;
    }

    private static String signal(Signal s) {
        if (s.getSignalKey().isEmpty()) return "signalKey is empty";
        if (s.getSymbol().isEmpty()) return "symbol is empty";
        if (!sided(s.getSide())) return "side must be BUY or SELL";
        if (s.getVolume() <= 0) return "volume must be > 0";
        if (s.getReferencePrice() < 0) return "referencePrice must be >= 0";
        return firstOf(stops(s.getSl(), s.getTp1()), stops(0, s.getTp2()));
    }

    private static String stops(double sl, double tp) {
        return sl < 0 || tp < 0 ? "sl and tp must be >= 0 (0 = none)" : null;
    }

    private static boolean sided(Side side) {
        return side == Side.BUY || side == Side.SELL;
    }

    private static String firstOf(String a, String b) {
        return a != null ? a : b;
    }
}
