package com.vproptrader.sim.broker;

import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;

/**
 * A position the broker holds; mutable, owned by {@link SimBroker}. In netting mode a position keeps its
 * ticket for life (MT5's POSITION_IDENTIFIER) while adds average its price and a reversal flips its side.
 */
final class OpenPosition {
    final long ticket;
    final String symbol;
    final long magic;
    Side side;
    double openPrice;
    long openTimeMsc;
    String signalKey;
    double volume;
    double sl;
    /** First target: half the volume closes here, then it is cleared. 0 = none. */
    double tp1;
    /** Final target, the one MT5 holds on the position. 0 = none. */
    double tp;
    /** Commission charged on the deals that built the position (already in the balance). */
    double commission;
    /** Swap accrued at rollovers, not yet in the balance (it is in equity). */
    double swap;
    /** Floating P/L at the last mark. */
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
                .setProfit(Money.round2(profit)).setSwap(Money.round2(swap)).setCommission(Money.round2(commission))
                .setMagic(magic).setSignalKey(signalKey).build();
    }
}
