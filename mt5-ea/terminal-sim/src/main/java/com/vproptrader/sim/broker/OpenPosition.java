package com.vproptrader.sim.broker;

import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;

/** A position the broker holds; mutable, owned by {@link SimBroker}. */
final class OpenPosition {
    final long ticket;
    final String symbol;
    final Side side;
    final double openPrice;
    final long openTimeMsc;
    final String signalKey;
    final long magic;
    double volume;
    double sl;
    /** First target: half the volume closes here, then it is cleared. 0 = none. */
    double tp1;
    /** Final target, the one MT5 holds on the position. 0 = none. */
    double tp;
    double commission;
    double profit;

    OpenPosition(long ticket, String symbol, Side side, double volume, double openPrice, long openTimeMsc,
                 String signalKey, long magic) {
        this.ticket = ticket;
        this.symbol = symbol;
        this.side = side;
        this.volume = volume;
        this.openPrice = openPrice;
        this.openTimeMsc = openTimeMsc;
        this.signalKey = signalKey;
        this.magic = magic;
    }

    boolean isBuy() {
        return side == Side.BUY;
    }

    Position toProto() {
        return Position.newBuilder().setTicket(ticket).setSymbol(symbol).setSide(side).setVolume(volume)
                .setOpenPrice(openPrice).setSl(sl).setTp(tp).setOpenTimeMsc(openTimeMsc)
                .setProfit(profit).setCommission(commission).setMagic(magic).setSignalKey(signalKey).build();
    }
}
