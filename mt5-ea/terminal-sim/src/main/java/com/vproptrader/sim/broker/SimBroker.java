package com.vproptrader.sim.broker;

import com.vproptrader.marketdata.SymbolTradability;
import com.vproptrader.proto.Account;
import com.vproptrader.proto.Close;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.MarginMode;
import com.vproptrader.proto.Modify;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A market-execution paper broker as the EA would see it through MT5, for several symbols, in netting or
 * hedging mode. Every input (tick or host command) returns the frames the EA would send because of it:
 * fills, rejects, position changes, account updates. Returned events carry no {@code seq}; the link assigns it.
 *
 * <p>Pure and deterministic: its only inputs are the ticks and commands given to it and its
 * {@link BrokerConfig}; time is the server time of the ticks; slippage comes from a generator seeded by the
 * config. The execution model is described in mt5-ea/terminal-sim/README.md.
 *
 * <p>Latency in lockstep replay: a signal arriving while the broker's clock reads T (the latest tick time)
 * waits in flight and fills on the first tick of its symbol whose time is at or after T + latency, inside that
 * tick's {@link #onTick}; so in a replay that calls {@code onTick} before showing the tick to the host, the
 * host sees the fill before that tick. With latency 0 it fills inside {@link #onCommand} on the current quote.
 *
 * <p>Not thread-safe: one caller at a time (the stand-in serialises ticks and commands).
 */
public final class SimBroker {
    public static final long MAGIC = 20_240_101;

    private final BrokerConfig cfg;
    private final SymbolSpecs symbols;
    private final Book book;
    private final Slippage slippage;
    private final List<PendingOrder> pending = new ArrayList<>();
    private final Set<String> seenSignalKeys = new HashSet<>();
    private long lastAccountMsc = Long.MIN_VALUE / 4; // so the first tick reports the account
    private long nextOrder = 5_000_001;
    private long nextDeal = 7_000_001;
    /** The deal history, oldest first: the newest {@link #RECENT_DEALS} deals, for the hello's recent deals. */
    private final java.util.ArrayDeque<Fill> deals = new java.util.ArrayDeque<>();
    /** At most this many deals in a hello: with the symbols and positions it fits the gateway's 64 KiB line. */
    private static final int RECENT_DEALS = 50;
    private static final long DAY_MS = 86_400_000L;
    private boolean halted;
    private String rulePackJson = "";

    /** A hedging account trading one symbol whose tick value never changes (the original stand-in). */
    public SimBroker(String accountId, String currency, double initialBalance, double leverage, SymbolSpec spec) {
        this(BrokerConfig.defaults().withAccountId(accountId).withCurrency(currency).withInitialBalance(initialBalance)
                .withLeverage(leverage).withSymbols(SymbolSpecs.of(Instrument.fixed(spec))));
    }

    public SimBroker(BrokerConfig cfg) {
        this.cfg = cfg;
        this.symbols = cfg.symbols();
        this.book = new Book(cfg);
        this.slippage = new Slippage(cfg.slippagePoints(), cfg.slippageAdverseOnly(), cfg.seed());
    }

    /** The symbol properties MT5 would report for EURUSD on a USD account (also used for other names). */
    public static SymbolSpec eurusdLike(String symbol) {
        return SymbolSpec.newBuilder().setSymbol(symbol).setDigits(5).setContractSize(100_000)
                .setTickSize(0.00001).setTickValue(1.0).setVolumeMin(0.01).setVolumeStep(0.01)
                .setVolumeMax(100).setStopsLevelPoints(0).build();
    }

    /**
     * A new quote: charges swaps when it crosses server midnight, fills orders in flight that are due, closes
     * positions whose SL/TP it crosses, marks equity, stops out, and reports the account when due.
     */
    public List<TerminalEvent> onTick(Tick tick) {
        boolean first = book.quotes.latest() == null;
        long before = book.quotes.clock();
        book.quotes.update(tick);
        List<TerminalEvent> out = new ArrayList<>();
        boolean swapCharged = !first && book.chargeSwaps(before, book.quotes.clock());
        book.mark();
        fillDueOrders(tick, out);
        checkStops(tick.getSymbol(), out);
        book.mark();
        stopOut(out);
        boolean reported = !out.isEmpty() && out.get(out.size() - 1).hasAccount();
        if (!reported && (swapCharged || book.quotes.clock() - lastAccountMsc >= cfg.accountEveryMsc())) {
            out.add(accountEvent());
        }
        return out;
    }

    /** A host command; heartbeats and unknown commands produce nothing. */
    public List<TerminalEvent> onCommand(HostCommand command) {
        List<TerminalEvent> out = new ArrayList<>();
        switch (command.getCommandCase()) {
            case SIGNAL -> signal(command.getSignal(), out);
            case MODIFY -> modify(command.getModify(), out);
            case CLOSE -> closeCommand(command.getClose(), out);
            case FLATTEN -> {
                for (OpenPosition p : List.copyOf(book.positions.values())) {
                    close(p, p.volume, "flatten", marketClosePrice(p), p.signalKey, out);
                }
            }
            case HALT -> halted = true;
            case RESUME -> halted = false;
            case CONFIG -> rulePackJson = command.getConfig().getRulePackJson();
            default -> {
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- signals

    private void signal(Signal s, List<TerminalEvent> out) {
        Integer refusal = admit(s);
        if (refusal != null) {
            out.add(Frames.reject(s.getSignalKey(), refusal, Frames.refusalText(refusal)));
        } else if (cfg.latencyMsc() > 0) {
            pending.add(new PendingOrder(s, book.quotes.clock(), book.quotes.clock() + cfg.latencyMsc()));
        } else {
            execute(s, out);
        }
    }

    /** What the terminal refuses before sending: the retcode, or null. Keys are spent even on refusal. */
    private Integer admit(Signal s) {
        if (!seenSignalKeys.add(s.getSignalKey())) return Retcode.DUPLICATE;
        if (halted) return Retcode.CLIENT_DISABLES_AT;
        Instrument i = symbols.get(s.getSymbol()).orElse(null);
        if (i == null || (s.getSide() != Side.BUY && s.getSide() != Side.SELL)) return Retcode.INVALID;
        if (book.quotes.get(s.getSymbol()) == null) return Retcode.MARKET_CLOSED;
        Optional<SymbolTradability.Refusal> closed = SymbolTradability.refusal(i.spec(), s.getSide(), book.quotes.clock());
        if (closed.isPresent()) {
            return switch (closed.get()) {
                case TRADE_DISABLED -> Retcode.TRADE_DISABLED;
                case CLOSE_ONLY -> Retcode.CLOSE_ONLY;
                case LONG_ONLY -> Retcode.LONG_ONLY;
                case SHORT_ONLY -> Retcode.SHORT_ONLY;
                case SESSION_CLOSED -> Retcode.MARKET_CLOSED;
            };
        }
        if (Double.isNaN(Volumes.normalize(i.spec(), s.getVolume()))) return Retcode.INVALID_VOLUME;
        return null;
    }

    private void fillDueOrders(Tick tick, List<TerminalEvent> out) {
        for (Iterator<PendingOrder> it = pending.iterator(); it.hasNext(); ) {
            PendingOrder o = it.next();
            if (o.signal().getSymbol().equals(tick.getSymbol()) && tick.getTimeMsc() >= o.dueMsc()) {
                it.remove();
                execute(o.signal(), out);
            }
        }
    }

    /** The trade server's side: checks against the current quote, then fills. */
    private void execute(Signal s, List<TerminalEvent> out) {
        Instrument i = symbols.get(s.getSymbol()).orElseThrow();
        Tick q = book.quotes.get(s.getSymbol());
        boolean buy = s.getSide() == Side.BUY;
        double volume = Volumes.normalize(i.spec(), s.getVolume());
        double sl = Book.roundStop(i, s.getSl());
        double tp1 = Book.roundStop(i, s.getTp1());
        double tp2 = Book.roundStop(i, s.getTp2());
        double closeAt = buy ? q.getBid() : q.getAsk();
        double openAt = buy ? q.getAsk() : q.getBid();
        Integer refusal = null;
        if (s.getExpiryMsc() > 0 && book.quotes.clock() > s.getExpiryMsc()) {
            refusal = Retcode.INVALID_EXPIRATION;
        } else if (!Book.validStops(i, buy, closeAt, sl, tp1) || !Book.validStops(i, buy, closeAt, 0, tp2)) {
            refusal = Retcode.INVALID_STOPS;
        } else if (book.marginIncrease(i, s.getSide(), volume, openAt) > freeMargin() + 1e-9) {
            refusal = Retcode.NO_MONEY;
        }
        if (refusal != null) {
            out.add(Frames.reject(s.getSignalKey(), refusal, Frames.refusalText(refusal)));
            return;
        }
        double price = slippage.fillPrice(i, buy, openAt);
        boolean twoTargets = tp1 > 0 && tp2 > 0 && tp1 != tp2;
        double firstTarget = twoTargets ? tp1 : 0;
        double finalTarget = tp2 > 0 ? tp2 : tp1;
        OpenPosition net = cfg.marginMode() == MarginMode.NETTING ? book.netPosition(s.getSymbol()) : null;
        if (net == null) {
            open(i, s, volume, price, sl, firstTarget, finalTarget, out);
        } else if (net.side == s.getSide()) {
            add(i, net, s, volume, price, sl, firstTarget, finalTarget, out);
        } else if (volume <= net.volume + 1e-9) {
            close(net, Math.min(volume, net.volume), "signal", price, s.getSignalKey(), out);
        } else {
            reverse(i, net, s, volume, price, sl, firstTarget, finalTarget, out);
        }
    }

    private void open(Instrument i, Signal s, double volume, double price, double sl, double tp1, double tp,
                      List<TerminalEvent> out) {
        long order = nextOrder++;
        OpenPosition p = new OpenPosition(order, s.getSymbol(), s.getSide(), volume, price, book.quotes.clock(),
                s.getSignalKey(), MAGIC);
        p.sl = sl;
        p.tp1 = tp1;
        p.tp = tp;
        p.commission = book.commission(i, volume);
        book.balance += p.commission;
        book.positions.put(p.ticket, p);
        deal(p, order, p.side, DealEntry.ENTRY_IN, volume, price, 0, p.commission, 0, s.getSignalKey(), "signal", true, out);
    }

    /** Netting: same direction adds volume at the volume-weighted price; stops given with the signal replace the old. */
    private void add(Instrument i, OpenPosition p, Signal s, double volume, double price, double sl, double tp1,
                     double tp, List<TerminalEvent> out) {
        p.openPrice = (p.openPrice * p.volume + price * volume) / (p.volume + volume);
        p.volume = Volumes.round(p.volume + volume);
        if (sl > 0) p.sl = sl;
        if (tp > 0) {
            p.tp = tp;
            p.tp1 = tp1;
        }
        double commission = book.commission(i, volume);
        p.commission = Money.round2(p.commission + commission);
        book.balance += commission;
        deal(p, nextOrder++, s.getSide(), DealEntry.ENTRY_IN, volume, price, 0, commission, 0, s.getSignalKey(),
                "signal", true, out);
    }

    /** Netting: an opposite deal larger than the position closes it and opens the rest the other way (ENTRY_INOUT). */
    private void reverse(Instrument i, OpenPosition p, Signal s, double volume, double price, double sl, double tp1,
                         double tp, List<TerminalEvent> out) {
        double profit = Money.round2(book.profit(p, price, p.volume));
        double swap = Money.round2(p.swap);
        double commission = book.commission(i, volume);
        book.balance += profit + swap + commission;
        double rest = Volumes.round(volume - p.volume);
        p.side = s.getSide();
        p.volume = rest;
        p.openPrice = price;
        p.openTimeMsc = book.quotes.clock();
        p.signalKey = s.getSignalKey();
        p.swap = 0;
        p.commission = book.commission(i, rest);
        p.sl = sl;
        p.tp1 = tp1;
        p.tp = tp;
        deal(p, nextOrder++, s.getSide(), DealEntry.ENTRY_INOUT, volume, price, profit, commission, swap,
                s.getSignalKey(), "signal", true, out);
    }

    // ------------------------------------------------------------------------------------- stops and targets

    private void checkStops(String symbol, List<TerminalEvent> out) {
        for (OpenPosition p : List.copyOf(book.positions.values())) {
            if (!p.symbol.equals(symbol) || !book.positions.containsKey(p.ticket)) {
                continue;
            }
            double price = book.closePrice(p);
            if (p.sl > 0 && (p.isBuy() ? price <= p.sl : price >= p.sl)) {
                close(p, p.volume, "sl", price, p.signalKey, out); // a gap fills at the tick's price, past the stop
                continue;
            }
            if (p.tp1 > 0 && book.reached(p, p.tp1)) {
                partialAtTp1(p, out);
            }
            if (book.positions.containsKey(p.ticket) && p.tp > 0 && book.reached(p, p.tp)) {
                close(p, p.volume, "tp", book.closePrice(p), p.signalKey, out);
            }
        }
    }

    private void partialAtTp1(OpenPosition p, List<TerminalEvent> out) {
        SymbolSpec spec = book.spec(p);
        double half = Volumes.round(Math.floor(p.volume / 2 / spec.getVolumeStep() + 1e-9) * spec.getVolumeStep());
        p.tp1 = 0;
        if (Volumes.valid(spec, half) && Volumes.valid(spec, p.volume - half)) {
            // "tp" like the EA reports its TP1 partial (mt5-ea/test/transcripts/README.md).
            close(p, half, "tp", book.closePrice(p), p.signalKey, out);
            if (cfg.breakEvenAfterTp1()) {
                breakEven(p, out);
            }
        }
    }

    /** The EA's after-TP1 step: stop to the open price (+ offset) if that tightens it and the stops level allows. */
    private void breakEven(OpenPosition p, List<TerminalEvent> out) {
        Instrument i = book.instrument(p);
        double dir = p.isBuy() ? 1 : -1;
        double target = i.roundPrice(p.openPrice + dir * cfg.breakEvenOffsetPoints() * i.point());
        boolean tightens = p.sl == 0 || dir * (target - p.sl) > i.point() / 2;
        if (tightens && !Book.frozen(i, book.closePrice(p), p.sl, p.tp)
                && Book.validStops(i, p.isBuy(), book.closePrice(p), target, 0)) {
            p.sl = target;
            out.add(Frames.positionEvent(p));
        }
    }

    /** Below the stop-out level, closes the most unprofitable position until the level is restored. */
    private void stopOut(List<TerminalEvent> out) {
        while (cfg.stopOutLevelPct() > 0 && !book.positions.isEmpty()) {
            double margin = book.usedMargin();
            if (margin <= 0 || equity() / margin * 100 >= cfg.stopOutLevelPct()) {
                return;
            }
            OpenPosition worst = book.positions.values().stream().min(Comparator.comparingDouble(p -> p.profit + p.swap))
                    .orElseThrow();
            close(worst, worst.volume, "stop_out", book.closePrice(worst), worst.signalKey, out);
            book.mark();
        }
    }

    // -------------------------------------------------------------------------------------- modify and close

    private void modify(Modify m, List<TerminalEvent> out) {
        OpenPosition p = book.positions.get(m.getTicket());
        if (p == null) {
            out.add(Frames.reject("", Retcode.POSITION_CLOSED, "TICKET: modify: ticket " + m.getTicket() + " is not open"));
            return;
        }
        Instrument i = book.instrument(p);
        double sl = Book.roundStop(i, m.getSl());
        double tp = Book.roundStop(i, m.getTp());
        if (Book.frozen(i, book.closePrice(p), p.sl, p.tp)) {
            out.add(Frames.reject(p.signalKey, Retcode.FROZEN, "modify: ticket " + p.ticket + " is within the freeze level"));
            return;
        }
        if (!Book.validStops(i, p.isBuy(), book.closePrice(p), sl, tp)) {
            out.add(Frames.reject(p.signalKey, Retcode.INVALID_STOPS, "modify: invalid stops for ticket " + p.ticket));
            return;
        }
        p.sl = sl;
        p.tp = tp;
        out.add(Frames.positionEvent(p));
    }

    private void closeCommand(Close c, List<TerminalEvent> out) {
        OpenPosition p = book.positions.get(c.getTicket());
        if (p == null) {
            out.add(Frames.reject("", Retcode.POSITION_CLOSED, "TICKET: close: ticket " + c.getTicket() + " is not open"));
            return;
        }
        double v = c.getVolume() <= 0 || c.getVolume() >= p.volume ? p.volume : c.getVolume();
        if (v < p.volume && (!Volumes.valid(book.spec(p), v) || !Volumes.valid(book.spec(p), p.volume - v))) {
            out.add(Frames.reject(p.signalKey, Retcode.INVALID_VOLUME, "VOLUME: close: cannot close " + v + " of " + p.volume));
            return;
        }
        close(p, Volumes.round(v), c.getReason().isEmpty() ? "close" : c.getReason(), marketClosePrice(p),
                p.signalKey, out);
    }

    /** Closes {@code volume} lots of {@code p} at {@code price}; a partial close leaves the rest open. */
    private void close(OpenPosition p, double volume, String reason, double price, String key,
                       List<TerminalEvent> out) {
        double profit = Money.round2(book.profit(p, price, volume));
        double commission = book.commission(book.instrument(p), volume);
        double swap = Money.round2(p.swap * volume / p.volume);
        book.balance += profit + commission + swap;
        double rest = Volumes.round(p.volume - volume);
        p.swap = Money.round2(p.swap - swap);
        p.commission = Money.round2(p.commission * rest / p.volume);
        p.volume = rest;
        boolean open = rest > 0;
        if (!open) {
            book.positions.remove(p.ticket);
        }
        Side dealSide = p.isBuy() ? Side.SELL : Side.BUY;
        deal(p, nextOrder++, dealSide, DealEntry.ENTRY_OUT, volume, price, profit, commission, swap, key, reason,
                open, out);
    }

    // ------------------------------------------------------------------------------------------------ frames

    /** A deal as the EA reports it: the fill, the position when still open, then the account. */
    private void deal(OpenPosition p, long order, Side side, DealEntry entry, double volume, double price,
                      double profit, double commission, double swap, String key, String reason,
                      boolean positionOpen, List<TerminalEvent> out) {
        Fill fill = Fill.newBuilder()
                .setDeal(nextDeal++).setOrder(order).setPositionId(p.ticket).setSymbol(p.symbol).setSide(side)
                .setEntry(entry).setVolume(volume).setPrice(price).setProfit(profit).setCommission(commission)
                .setSwap(swap).setTimeMsc(book.quotes.clock()).setSignalKey(key).setReason(reason).build();
        deals.addLast(fill);
        if (deals.size() > RECENT_DEALS) {
            deals.removeFirst();
        }
        out.add(TerminalEvent.newBuilder().setFill(fill).build());
        if (positionOpen) {
            book.mark();
            out.add(Frames.positionEvent(p));
        }
        out.add(accountEvent());
    }

    private TerminalEvent accountEvent() {
        lastAccountMsc = book.quotes.clock();
        book.mark();
        return TerminalEvent.newBuilder().setAccount(account()).build();
    }

    /** A closing market order: the close quote moved by slippage. */
    private double marketClosePrice(OpenPosition p) {
        return slippage.fillPrice(book.instrument(p), !p.isBuy(), book.closePrice(p));
    }

    // ------------------------------------------------------------------------------------------------- state

    public BrokerConfig config() {
        return cfg;
    }

    public double balance() {
        return book.balance;
    }

    /** Balance plus floating P/L and accrued swap of open positions, marked at the last ticks. */
    public double equity() {
        return book.equity();
    }

    /** Used margin, account currency. */
    public double margin() {
        return book.usedMargin();
    }

    /** Equity minus used margin. */
    public double freeMargin() {
        return book.freeMargin();
    }

    public boolean halted() {
        return halted;
    }

    public String rulePackJson() {
        return rulePackJson;
    }

    public int openPositions() {
        return book.positions.size();
    }

    /** Open positions as MT5 reports them, in opening order. */
    public List<Position> positions() {
        book.mark();
        return book.positions.values().stream().map(OpenPosition::toProto).toList();
    }

    /** Signals in flight (latency), not yet filled or refused. */
    public int pendingOrders() {
        return pending.size();
    }

    /** The latest tick of any symbol (its time is the server clock), or null before the first. */
    public Tick lastTick() {
        return book.quotes.latest();
    }

    /** The last tick of {@code symbol}, or null before its first. */
    public Tick lastTick(String symbol) {
        return book.quotes.get(symbol);
    }

    /** The symbols as hello reports them: tick values at current prices. */
    public List<SymbolSpec> symbolSpecs() {
        List<SymbolSpec> specs = new ArrayList<>();
        for (Instrument i : symbols.all()) {
            specs.add(i.spec().toBuilder().setTickValue(i.tickValue(book.quotes, cfg.currency())).build());
        }
        return specs;
    }

    public Account account() {
        return book.account();
    }

    /** The full snapshot a (re)connect starts with: account, symbols, open positions with SL/TP and profit. */
    public Hello hello(String token) {
        book.mark();
        Hello.Builder h = Hello.newBuilder().setAccountId(cfg.accountId()).setToken(token)
                .setServerTimeMsc(book.quotes.clock()).setAccount(account()).addAllSymbols(symbolSpecs())
                .setTerminal("terminal-sim");
        book.positions.values().forEach(p -> h.addPositions(p.toProto()));
        h.addAllRecentDeals(recentDeals(book.quotes.clock()));
        return h.build();
    }

    /**
     * The deals since 00:00 server time of the previous server day, oldest first, the newest 50 at most
     * (PROTOCOL.md, hello): what a host
     * that lost a fill, or was down while a position opened and closed, journals on this (re)connect.
     */
    public List<Fill> recentDeals(long serverTimeMsc) {
        long from = Math.floorDiv(serverTimeMsc, DAY_MS) * DAY_MS - DAY_MS;
        return deals.stream().filter(d -> d.getTimeMsc() >= from).toList();
    }
}
