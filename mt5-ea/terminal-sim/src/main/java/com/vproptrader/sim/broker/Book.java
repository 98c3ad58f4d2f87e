package com.vproptrader.sim.broker;

import com.vproptrader.proto.Account;
import com.vproptrader.proto.MarginMode;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account's book: balance and open positions, valued against the last quotes. Profit, margin, swaps,
 * equity and the stop checks live here; {@link SimBroker} decides what to trade and reports it.
 */
final class Book {
    final BrokerConfig cfg;
    final SymbolSpecs symbols;
    final Quotes quotes;
    /** Open positions by ticket, in opening order (the order every report and stop-out scan follows). */
    final Map<Long, OpenPosition> positions = new LinkedHashMap<>();
    double balance;

    Book(BrokerConfig cfg) {
        this.cfg = cfg;
        this.symbols = cfg.symbols();
        this.quotes = new Quotes(symbols);
        this.balance = cfg.initialBalance();
    }

    /** Accrues the swap of the nights whose rollover falls between the two server times; true when any was charged. */
    boolean chargeSwaps(long fromMsc, long toMsc) {
        int nights = Rollover.nightsBetween(fromMsc, toMsc, cfg.tripleSwapDay());
        boolean charged = false;
        for (OpenPosition p : positions.values()) {
            SymbolSpec spec = spec(p);
            double perLot = p.isBuy() ? spec.getSwapLong() : spec.getSwapShort();
            double swap = Money.round2(perLot * p.volume * nights);
            if (swap != 0) {
                p.swap = Money.round2(p.swap + swap);
                charged = true;
            }
        }
        return charged;
    }

    OpenPosition netPosition(String symbol) {
        for (OpenPosition p : positions.values()) {
            if (p.symbol.equals(symbol)) return p;
        }
        return null;
    }

    /** Margin this deal would add (0 or less when it reduces exposure). */
    double marginIncrease(Instrument i, Side side, double volume, double price) {
        OpenPosition net = cfg.marginMode() == MarginMode.NETTING ? netPosition(i.symbol()) : null;
        if (net == null || net.side == side) {
            return marginFor(i, volume, price);
        }
        return volume <= net.volume ? 0 : marginFor(i, volume - net.volume, price) - marginFor(i, net.volume, net.openPrice);
    }

    /** lots x contract x price / leverage, converted from the quote currency to the account currency. */
    double marginFor(Instrument i, double volume, double price) {
        return volume * i.spec().getContractSize() * price / cfg.leverage() * i.quoteToAccount(quotes, cfg.currency());
    }

    double commission(Instrument i, double volume) {
        return Money.round2(-i.spec().getCommissionPerLot() * volume);
    }

    double profit(OpenPosition p, double closePrice, double volume) {
        Instrument i = instrument(p);
        double move = p.isBuy() ? closePrice - p.openPrice : p.openPrice - closePrice;
        return move / i.spec().getTickSize() * i.tickValue(quotes, cfg.currency()) * volume;
    }

    void mark() {
        for (OpenPosition p : positions.values()) {
            p.profit = profit(p, closePrice(p), p.volume);
        }
    }

    double usedMargin() {
        double m = 0;
        for (OpenPosition p : positions.values()) {
            m += marginFor(instrument(p), p.volume, p.openPrice);
        }
        return m;
    }

    boolean reached(OpenPosition p, double target) {
        double price = closePrice(p);
        return p.isBuy() ? price >= target : price <= target;
    }

    /** The quote a position closes at: bid for buys, ask for sells. */
    double closePrice(OpenPosition p) {
        Tick q = quotes.get(p.symbol);
        return p.isBuy() ? q.getBid() : q.getAsk();
    }


    static double roundStop(Instrument i, double price) {
        return price > 0 ? i.roundPrice(price) : 0;
    }

    /** SL below and TP above the closing price for buys (mirrored for sells), at least the stops level away. */
    static boolean validStops(Instrument i, boolean buy, double closeAt, double sl, double tp) {
        double minDist = i.spec().getStopsLevelPoints() * i.point();
        boolean slOk = sl == 0 || (buy ? sl <= closeAt - minDist : sl >= closeAt + minDist);
        boolean tpOk = tp == 0 || (buy ? tp >= closeAt + minDist : tp <= closeAt - minDist);
        return slOk && tpOk;
    }

    /**
     * MT5's freeze level: while the closing price is within it of the position's SL or TP (either side), the
     * server refuses to modify them (TRADE_RETCODE_FROZEN).
     */
    static boolean frozen(Instrument i, double closeAt, double sl, double tp) {
        double freeze = i.spec().getFreezeLevelPoints() * i.point();
        if (freeze <= 0) {
            return false;
        }
        return (sl > 0 && Math.abs(closeAt - sl) <= freeze) || (tp > 0 && Math.abs(closeAt - tp) <= freeze);
    }

    Instrument instrument(OpenPosition p) {
        return symbols.get(p.symbol).orElseThrow();
    }

    SymbolSpec spec(OpenPosition p) {
        return instrument(p).spec();
    }

    /** Balance plus floating P/L and accrued swap of open positions, at the last mark. */
    double equity() {
        double e = balance;
        for (OpenPosition p : positions.values()) {
            e += p.profit + p.swap;
        }
        return e;
    }

    double freeMargin() {
        return equity() - usedMargin();
    }

    Account account() {
        double margin = usedMargin();
        double equity = equity();
        return Account.newBuilder().setAccountId(cfg.accountId()).setCurrency(cfg.currency())
                .setBalance(Money.round2(balance)).setEquity(Money.round2(equity)).setMargin(Money.round2(margin))
                .setFreeMargin(Money.round2(equity - margin)).setServerTimeMsc(quotes.clock())
                .setMarginMode(cfg.marginMode()).setLeverage(cfg.leverage()).build();
    }
}
