package com.vproptrader.host.govern.order;

import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;

/**
 * An open position as the governors see it: prices in quote currency, volume in lots,
 * {@code currentPrice} = the price it would close at now (bid for BUY, ask for SELL),
 * {@code tickValue} = account money per {@code tickSize} move per lot. {@code sl}/{@code tp} 0 = none.
 */
public record OpenPosition(long ticket, String symbol, Side side, double volume, double openPrice, double sl,
                           double tp, double currentPrice, double tickSize, double tickValue) {

    public static OpenPosition of(Position p, SymbolSpec spec, double currentPrice) {
        return new OpenPosition(p.getTicket(), p.getSymbol(), p.getSide(), p.getVolume(), p.getOpenPrice(),
                p.getSl(), p.getTp(), currentPrice, spec.getTickSize(), spec.getTickValue());
    }

    public boolean hasStop() {
        return sl > 0;
    }

    public OpenPosition withStops(double newSl, double newTp) {
        return new OpenPosition(ticket, symbol, side, volume, openPrice, newSl, newTp, currentPrice, tickSize, tickValue);
    }

    public OpenPosition withVolume(double newVolume) {
        return new OpenPosition(ticket, symbol, side, newVolume, openPrice, sl, tp, currentPrice, tickSize, tickValue);
    }

    public OpenPosition markedAt(double price) {
        return new OpenPosition(ticket, symbol, side, volume, openPrice, sl, tp, price, tickSize, tickValue);
    }
}
