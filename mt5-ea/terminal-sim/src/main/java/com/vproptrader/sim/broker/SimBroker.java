package com.vproptrader.sim.broker;

import com.vproptrader.proto.Account;
import com.vproptrader.proto.Close;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.MarginMode;
import com.vproptrader.proto.Modify;
import com.vproptrader.proto.Reject;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hedging-account, market-execution broker for one symbol, as the EA would see it through MT5.
 * Every input (tick or host command) returns the frames the EA would send because of it: fills,
 * rejects, position changes, account updates. Returned events carry no {@code seq}; the link assigns it.
 *
 * <p>Execution model (documented in mt5-ea/PROTOCOL.md): market signals fill at the current ask (buy)
 * or bid (sell), no slippage or latency; SL and TP trigger when the closing price (bid for buys, ask for
 * sells) crosses them and fill at that tick's price, so gaps slip like real stops. With both tp1 and tp2
 * set, half the volume closes at tp1 (fill reason "tp", as the EA reports it) and the rest rides to tp2. Commission per lot per side hits the
 * balance at each deal. Margin = lots x contract x open price / leverage (exact for XXX/USD on a USD
 * account). Swaps and stop-out are not modelled.
 *
 * <p>Not thread-safe: one caller at a time (the stand-in serialises ticks and commands).
 */
public final class SimBroker {
    public static final long MAGIC = 20_240_101;
    private static final long ACCOUNT_EVERY_MSC = 1_000;

    private final String accountId;
    private final String currency;
    private final double leverage;
    private final SymbolSpec spec;
    private final Map<Long, OpenPosition> positions = new LinkedHashMap<>();
    private final Set<String> seenSignalKeys = new HashSet<>();
    private double balance;
    private Tick last;
    private long lastAccountMsc = -ACCOUNT_EVERY_MSC; // so the first tick reports the account
    private long nextOrder = 5_000_001;
    private long nextDeal = 7_000_001;
    private boolean halted;
    private String rulePackJson = "";

    public SimBroker(String accountId, String currency, double initialBalance, double leverage, SymbolSpec spec) {
        this.accountId = accountId;
        this.currency = currency;
        this.balance = initialBalance;
        this.leverage = leverage;
        this.spec = spec;
    }

    /** The symbol properties MT5 would report for EURUSD on a USD account (also used for other names). */
    public static SymbolSpec eurusdLike(String symbol) {
        return SymbolSpec.newBuilder().setSymbol(symbol).setDigits(5).setContractSize(100_000)
                .setTickSize(0.00001).setTickValue(1.0).setVolumeMin(0.01).setVolumeStep(0.01)
                .setVolumeMax(100).setStopsLevelPoints(0).build();
    }

    /** A new quote: marks positions, closes those whose SL/TP it crosses, reports the account when due. */
    public List<TerminalEvent> onTick(Tick tick) {
        last = tick;
        List<TerminalEvent> out = new ArrayList<>();
        for (OpenPosition p : List.copyOf(positions.values())) {
            double price = closePrice(p);
            boolean adverse = p.isBuy() ? price <= p.sl : price >= p.sl;
            if (p.sl > 0 && adverse) {
                close(p, p.volume, "sl", out);
                continue;
            }
            if (p.tp1 > 0 && reached(p, p.tp1)) {
                partialAtTp1(p, out);
            }
            if (p.tp > 0 && reached(p, p.tp)) {
                close(p, p.volume, "tp", out);
            }
        }
        mark();
        if (!out.isEmpty() || tick.getTimeMsc() - lastAccountMsc >= ACCOUNT_EVERY_MSC) {
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
                for (OpenPosition p : List.copyOf(positions.values())) {
                    close(p, p.volume, "flatten", out);
                }
            }
            case HALT -> halted = true;
            case RESUME -> halted = false;
            case CONFIG -> rulePackJson = command.getConfig().getRulePackJson();
            default -> {
            }
        }
        if (out.stream().anyMatch(TerminalEvent::hasFill)) {
            mark();
            out.add(accountEvent());
        }
        return out;
    }

    private void signal(Signal s, List<TerminalEvent> out) {
        Integer refusal = refuse(s);
        if (refusal != null) {
            out.add(reject(s.getSignalKey(), refusal, refusalText(refusal)));
            return;
        }
        boolean buy = s.getSide() == Side.BUY;
        double price = buy ? last.getAsk() : last.getBid();
        long order = nextOrder++;
        OpenPosition p = new OpenPosition(order, s.getSymbol(), s.getSide(), s.getVolume(), price,
                last.getTimeMsc(), s.getSignalKey(), MAGIC);
        p.sl = s.getSl();
        boolean twoTargets = s.getTp1() > 0 && s.getTp2() > 0 && s.getTp1() != s.getTp2();
        p.tp1 = twoTargets ? s.getTp1() : 0;
        p.tp = s.getTp2() > 0 ? s.getTp2() : s.getTp1();
        p.commission = round2(-spec.getCommissionPerLot() * s.getVolume());
        balance += p.commission;
        positions.put(p.ticket, p);
        out.add(fill(p, order, p.side, DealEntry.ENTRY_IN, p.volume, price, 0, p.commission, "signal"));
        out.add(TerminalEvent.newBuilder().setPosition(p.toProto()).build());
    }

    /** The MT5 retcode that refuses this signal, or null to execute it. Keys are spent even on refusal. */
    private Integer refuse(Signal s) {
        if (!seenSignalKeys.add(s.getSignalKey())) return Retcode.DUPLICATE;
        if (halted) return Retcode.CLIENT_DISABLES_AT;
        if (!s.getSymbol().equals(spec.getSymbol())) return Retcode.INVALID;
        if (last == null) return Retcode.PRICE_OFF;
        if (s.getExpiryMsc() > 0 && last.getTimeMsc() > s.getExpiryMsc()) return Retcode.INVALID_EXPIRATION;
        if (!validVolume(s.getVolume())) return Retcode.INVALID_VOLUME;
        boolean buy = s.getSide() == Side.BUY;
        double closeAt = buy ? last.getBid() : last.getAsk();
        if (!validStops(buy, closeAt, s.getSl(), s.getTp1()) || !validStops(buy, closeAt, 0, s.getTp2())) {
            return Retcode.INVALID_STOPS;
        }
        double openAt = buy ? last.getAsk() : last.getBid();
        if (marginFor(s.getVolume(), openAt) > equity() - usedMargin()) return Retcode.NO_MONEY;
        return null;
    }

    private static String refusalText(int retcode) {
        return switch (retcode) {
            // EA-level refusals start with the EA's reason codes (transcripts README) so the host can
            // key on them whichever retcode convention wins; MT5-level ones carry MT5's description.
            case Retcode.DUPLICATE -> "DUPLICATE_ORDER: signal_key already processed";
            case Retcode.CLIENT_DISABLES_AT -> "HALTED: trading halted by the host";
            case Retcode.INVALID -> "SYMBOL: unknown symbol";
            case Retcode.PRICE_OFF -> "NOT_READY: no quote yet";
            case Retcode.INVALID_EXPIRATION -> "EXPIRED: expiryMsc passed before execution";
            case Retcode.INVALID_VOLUME -> "VOLUME: invalid volume";
            case Retcode.INVALID_STOPS -> "invalid stops";
            case Retcode.NO_MONEY -> "no money";
            default -> "refused";
        };
    }

    private void modify(Modify m, List<TerminalEvent> out) {
        OpenPosition p = positions.get(m.getTicket());
        if (p == null) {
            out.add(reject("", Retcode.POSITION_CLOSED, "modify: ticket " + m.getTicket() + " is not open"));
            return;
        }
        if (!validStops(p.isBuy(), closePrice(p), m.getSl(), m.getTp())) {
            out.add(reject(p.signalKey, Retcode.INVALID_STOPS, "modify: invalid stops for ticket " + p.ticket));
            return;
        }
        p.sl = m.getSl();
        p.tp = m.getTp();
        out.add(TerminalEvent.newBuilder().setPosition(p.toProto()).build());
    }

    private void closeCommand(Close c, List<TerminalEvent> out) {
        OpenPosition p = positions.get(c.getTicket());
        if (p == null) {
            out.add(reject("", Retcode.POSITION_CLOSED, "close: ticket " + c.getTicket() + " is not open"));
            return;
        }
        double v = c.getVolume() <= 0 || c.getVolume() >= p.volume ? p.volume : c.getVolume();
        if (v < p.volume && (!validVolume(v) || !validVolume(p.volume - v))) {
            out.add(reject(p.signalKey, Retcode.INVALID_VOLUME, "close: cannot close " + v + " of " + p.volume));
            return;
        }
        close(p, v, c.getReason().isEmpty() ? "close" : c.getReason(), out);
    }

    private void partialAtTp1(OpenPosition p, List<TerminalEvent> out) {
        double step = spec.getVolumeStep();
        double half = Math.floor(p.volume / 2 / step + 1e-9) * step;
        p.tp1 = 0;
        if (validVolume(half) && validVolume(p.volume - half)) {
            // "tp" like the EA reports its TP1 partial (mt5-ea/test/transcripts/README.md).
            close(p, half, "tp", out);
        }
    }

    /** Closes {@code volume} lots of {@code p} at the current price; a partial close leaves it open. */
    private void close(OpenPosition p, double volume, String reason, List<TerminalEvent> out) {
        double price = closePrice(p);
        // Deals settle in cents, so the balance moves by exactly what the fill reports.
        double profit = round2(profit(p, price, volume));
        double commission = round2(-spec.getCommissionPerLot() * volume);
        balance += profit + commission;
        Side dealSide = p.isBuy() ? Side.SELL : Side.BUY;
        out.add(fill(p, nextOrder++, dealSide, DealEntry.ENTRY_OUT, volume, price, profit, commission, reason));
        p.volume = roundVolume(p.volume - volume);
        if (p.volume <= 0) {
            positions.remove(p.ticket);
        } else {
            p.profit = profit(p, price, p.volume);
            out.add(TerminalEvent.newBuilder().setPosition(p.toProto()).build());
        }
    }

    private TerminalEvent fill(OpenPosition p, long order, Side side, DealEntry entry, double volume, double price,
                               double profit, double commission, String reason) {
        return TerminalEvent.newBuilder().setFill(Fill.newBuilder()
                .setDeal(nextDeal++).setOrder(order).setPositionId(p.ticket).setSymbol(p.symbol).setSide(side)
                .setEntry(entry).setVolume(volume).setPrice(price).setProfit(round2(profit))
                .setCommission(round2(commission)).setTimeMsc(last.getTimeMsc()).setSignalKey(p.signalKey)
                .setReason(reason)).build();
    }

    private static TerminalEvent reject(String key, int retcode, String message) {
        return TerminalEvent.newBuilder().setReject(Reject.newBuilder().setSignalKey(key).setRetcode(retcode)
                .setMessage(message)).build();
    }

    private boolean reached(OpenPosition p, double target) {
        double price = closePrice(p);
        return p.isBuy() ? price >= target : price <= target;
    }

    private double closePrice(OpenPosition p) {
        return p.isBuy() ? last.getBid() : last.getAsk();
    }

    /** SL below and TP above the closing price for buys (mirrored for sells), at least the stops level away. */
    private boolean validStops(boolean buy, double closeAt, double sl, double tp) {
        double minDist = spec.getStopsLevelPoints() * Math.pow(10, -spec.getDigits());
        boolean slOk = sl == 0 || (buy ? sl <= closeAt - minDist : sl >= closeAt + minDist);
        boolean tpOk = tp == 0 || (buy ? tp >= closeAt + minDist : tp <= closeAt - minDist);
        return slOk && tpOk;
    }

    private boolean validVolume(double v) {
        double steps = v / spec.getVolumeStep();
        return v >= spec.getVolumeMin() - 1e-9 && v <= spec.getVolumeMax() + 1e-9
                && Math.abs(steps - Math.rint(steps)) < 1e-6;
    }

    private double roundVolume(double v) {
        return Math.rint(v / spec.getVolumeStep()) * spec.getVolumeStep();
    }

    private double profit(OpenPosition p, double closePrice, double volume) {
        double move = p.isBuy() ? closePrice - p.openPrice : p.openPrice - closePrice;
        return move / spec.getTickSize() * spec.getTickValue() * volume;
    }

    private double marginFor(double volume, double price) {
        return volume * spec.getContractSize() * price / leverage;
    }

    private void mark() {
        for (OpenPosition p : positions.values()) {
            p.profit = profit(p, closePrice(p), p.volume);
        }
    }

    private double usedMargin() {
        return positions.values().stream().mapToDouble(p -> marginFor(p.volume, p.openPrice)).sum();
    }

    public double balance() {
        return balance;
    }

    /** Balance plus floating P/L, marked at the last tick. */
    public double equity() {
        return balance + positions.values().stream().mapToDouble(p -> p.profit).sum();
    }

    public boolean halted() {
        return halted;
    }

    public String rulePackJson() {
        return rulePackJson;
    }

    public int openPositions() {
        return positions.size();
    }

    public Tick lastTick() {
        return last;
    }

    public Account account() {
        double margin = usedMargin();
        double equity = equity();
        return Account.newBuilder().setAccountId(accountId).setCurrency(currency).setBalance(round2(balance))
                .setEquity(round2(equity)).setMargin(round2(margin)).setFreeMargin(round2(equity - margin))
                .setServerTimeMsc(last == null ? 0 : last.getTimeMsc()).setMarginMode(MarginMode.HEDGING)
                .setLeverage(leverage).build();
    }

    private TerminalEvent accountEvent() {
        lastAccountMsc = last == null ? 0 : last.getTimeMsc();
        return TerminalEvent.newBuilder().setAccount(account()).build();
    }

    /** The full snapshot a (re)connect starts with. */
    public Hello hello(String token) {
        mark();
        Hello.Builder h = Hello.newBuilder().setAccountId(accountId).setToken(token)
                .setServerTimeMsc(last == null ? 0 : last.getTimeMsc()).setAccount(account())
                .addSymbols(spec).setTerminal("terminal-sim");
        positions.values().forEach(p -> h.addPositions(p.toProto()));
        return h.build();
    }

    private static double round2(double money) {
        return Math.round(money * 100) / 100.0;
    }
}
