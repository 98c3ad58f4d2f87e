package com.vproptrader.host.govern;

import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.order.OpenPosition;
import com.vproptrader.host.govern.order.OrderIntent;
import com.vproptrader.host.govern.pack.DailyLossRule;
import com.vproptrader.host.govern.pack.MaxLossMode;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.govern.pack.TrailBasis;
import com.vproptrader.host.time.MarketHours;
import com.vproptrader.host.time.ServerTimes;

import com.vproptrader.host.risk.EntropyKelly;
import com.vproptrader.host.risk.Money;
import com.vproptrader.host.risk.PositionSizer;
import com.vproptrader.host.risk.SizedOrder;
import com.vproptrader.host.risk.StopPlanner;
import com.vproptrader.host.risk.VolatilityTarget;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * A minimal account loop around the real governors and sizing: two symbols follow a random path
 * (trend, noise, spikes, gaps, weekend gaps), a strategy sends random signals sized by
 * {@link PositionSizer} and checked by {@link Governance}, positions are marked every step and stopped
 * out with slippage up to the pack's gap allowance, and {@code onMarket} actions are executed. A
 * referee that shares no state with the governors tracks the firm's own floors and counts breaches
 * on the worst equity inside each step (every position at its worst price at once).
 */
final class GovernedPathSimulation {
    static final Duration STEP = Duration.ofMinutes(15);
    /** Share of the gap allowance an entry may slip; the rest is left for the stop fill. */
    static final double ENTRY_SHARE = 0.25;

    record Params(String pack, long seed, double drift, double volMultiplier, double spikeProb, double gapProb,
                  double slippage, int days, boolean governed) {
    }

    record Result(long steps, long opened, long vetoes, long stopsHit, long flattens, long breaches,
                  double minDayHeadroomPct, double minMaxHeadroomPct, String description) {
    }

    private record Instrument(SymbolSpec spec, double basePrice, double stepSigma) {
    }

    private static final List<Instrument> INSTRUMENTS = List.of(
            new Instrument(SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5).setTickSize(0.00001)
                    .setTickValue(1.0).setVolumeMin(0.01).setVolumeStep(0.01).setVolumeMax(50).setStopsLevelPoints(20)
                    .build(), 1.10000, 0.0006),
            new Instrument(SymbolSpec.newBuilder().setSymbol("XAUUSD").setDigits(2).setTickSize(0.01)
                    .setTickValue(1.0).setVolumeMin(0.01).setVolumeStep(0.01).setVolumeMax(20).setStopsLevelPoints(50)
                    .build(), 2650.00, 2.5));

    private static final java.util.Map<String, RulePack> PACKS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Params p;
    private final RulePack pack;
    private final Random rnd;
    private final Governance governance;
    private final PositionSizer sizer = new PositionSizer(new EntropyKelly(0.25, 0.5, 0.01), StopPlanner.DEFAULT,
            VolatilityTarget.ONE_PERCENT);
    private final double gap;
    private final double[] price = new double[INSTRUMENTS.size()];
    private final List<OpenPosition> positions = new ArrayList<>();
    /** Per ticket: the share of the gap allowance the stop may still use (entry slippage took the rest). */
    private final java.util.Map<Long, Double> stopAllowance = new java.util.HashMap<>();
    private double balance;
    private long nextTicket = 1;
    private long nextKey = 1;
    // referee state (the firm's view), independent of Governance
    private Instant refDayStart;
    private double refDayBalance;
    private double refDayEquity;
    private double refPeak;
    private long steps, opened, vetoes, stopsHit, flattens, breaches;
    private double minDay = Double.MAX_VALUE;
    private double minMax = Double.MAX_VALUE;

    GovernedPathSimulation(Params p) {
        this.p = p;
        this.pack = PACKS.computeIfAbsent(p.pack(), RulePackLoader::bundled);
        this.rnd = new Random(p.seed());
        this.governance = new Governance(pack, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        this.gap = pack.limits().gapAllowanceSlFraction().doubleValue();
        this.balance = pack.initialBalance().toDouble();
        this.refPeak = balance;
        for (int i = 0; i < price.length; i++) {
            price[i] = INSTRUMENTS.get(i).basePrice();
        }
    }

    Result run() {
        // Monday 9 March 2026 00:00 server time: covers the US-only DST week and a weekend.
        Instant t = ServerTimes.parse("2026.03.09 00:00:00", pack.serverTimeZone());
        Instant end = t.plus(Duration.ofDays(p.days()));
        boolean wasClosed = false;
        while (t.isBefore(end)) {
            referee(t);
            MarketAction action = governance.onMarket(account(), t);
            if (p.governed()) {
                act(action, t);
            }
            if (rnd.nextDouble() < 0.2) {
                trySignal(t);
            }
            boolean closed = MarketHours.inWeekend(t, Duration.ZERO);
            if (!closed) {
                move(wasClosed, t.plus(STEP.dividedBy(2)));
            }
            wasClosed = closed;
            t = t.plus(STEP);
            steps++;
        }
        return new Result(steps, opened, vetoes, stopsHit, flattens, breaches, minDay, minMax, describe());
    }

    private String describe() {
        return String.format(Locale.ROOT, "%s seed=%d drift=%.3f vol=%.2f spikes=%.3f gaps=%.3f slip=%.2f",
                p.pack(), p.seed(), p.drift(), p.volMultiplier(), p.spikeProb(), p.gapProb(), p.slippage());
    }

    private AccountView account() {
        return new AccountView(Money.of(balance, RoundingMode.FLOOR), Money.of(equity(), RoundingMode.FLOOR),
                marked());
    }

    private List<OpenPosition> marked() {
        List<OpenPosition> out = new ArrayList<>(positions.size());
        for (OpenPosition q : positions) {
            out.add(q.markedAt(price[index(q.symbol())]));
        }
        return out;
    }

    private double equity() {
        double e = balance;
        for (OpenPosition q : positions) {
            e += pnl(q, price[index(q.symbol())]);
        }
        return e;
    }

    private static double pnl(OpenPosition q, double at) {
        double sign = q.side() == Side.BUY ? 1 : -1;
        return sign * (at - q.openPrice()) / q.tickSize() * q.tickValue() * q.volume();
    }

    private static int index(String symbol) {
        return "EURUSD".equals(symbol) ? 0 : 1;
    }

    /** The firm's view: anchors at its reset, trailing mark at end of day. */
    private void referee(Instant t) {
        Instant dayStart = pack.dayReset().dayStart(t);
        if (!dayStart.equals(refDayStart)) {
            if (refDayStart != null && pack.maxLoss().trailBasis() == TrailBasis.END_OF_DAY_BALANCE) {
                refPeak = Math.max(refPeak, balance);
            }
            refDayStart = dayStart;
            refDayBalance = balance;
            refDayEquity = equity();
        }
    }

    private double firmDayFloor() {
        double initial = pack.initialBalance().toDouble();
        double basis = switch (pack.dailyLoss().basis()) {
            case BALANCE -> refDayBalance;
            case EQUITY -> refDayEquity;
            case MAX_BALANCE_EQUITY -> Math.max(refDayBalance, refDayEquity);
        };
        double limitOf = pack.dailyLoss().limitOf() == DailyLossRule.LimitReference.BASIS ? basis : initial;
        return basis - limitOf * pack.dailyLoss().limitPct().doubleValue() / 100;
    }

    private double firmMaxFloor() {
        double initial = pack.initialBalance().toDouble();
        double basis = pack.maxLoss().mode() == MaxLossMode.STATIC ? initial : Math.max(initial, refPeak);
        return basis - initial * pack.maxLoss().limitPct().doubleValue() / 100;
    }

    private void observeWorst(double worstEquity) {
        double initial = pack.initialBalance().toDouble();
        double day = (worstEquity - firmDayFloor()) / initial * 100;
        double max = (worstEquity - firmMaxFloor()) / initial * 100;
        minDay = Math.min(minDay, day);
        minMax = Math.min(minMax, max);
        if (day < -1e-9 || max < -1e-9) {
            breaches++;
        }
    }

    private void act(MarketAction action, Instant t) {
        if (action.kind() == MarketAction.Kind.NONE || action.tickets().isEmpty()) {
            return;
        }
        flattens++;
        for (Long ticket : action.tickets()) {
            positions.stream().filter(q -> q.ticket() == ticket).findFirst().ifPresent(q -> {
                double at = price[index(q.symbol())];
                double d = Math.abs(q.openPrice() - q.sl());
                double slip = rnd.nextDouble() * p.slippage() * 0.1 * d;
                double allowance = stopAllowance.get(q.ticket());
                double fill = q.side() == Side.BUY ? Math.max(at - slip, q.sl() - allowance)
                        : Math.min(at + slip, q.sl() + allowance);
                close(q, fill, t);
            });
        }
        observeWorst(equity());
    }

    private void close(OpenPosition q, double fill, Instant t) {
        double profit = pnl(q, fill);
        balance += profit;
        positions.remove(q);
        stopAllowance.remove(q.ticket());
        governance.onPositionClosed(Money.of(profit, RoundingMode.FLOOR), t);
    }

    private void trySignal(Instant t) {
        int i = rnd.nextInt(INSTRUMENTS.size());
        Instrument ins = INSTRUMENTS.get(i);
        Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        double sigma = ins.stepSigma() * p.volMultiplier();
        double pWin = 0.45 + rnd.nextDouble() * 0.25;
        AccountView before = account();
        var sized = sizer.size(side, ins.spec(), new PositionSizer.Signal(pWin, 1.5, new double[]{pWin, 1 - pWin}),
                new PositionSizer.Market(price[i], sigma * 4, sigma * Math.sqrt(96)),
                PositionSizer.Book.empty(), before.equity(),
                p.governed() ? governance.sizeFactor(before, t) : BigDecimal.valueOf(3),
                p.governed() ? governance.dayQualifyingRisk(before, t) : Optional.empty());
        if (sized.isEmpty()) {
            return;
        }
        SizedOrder s = sized.get();
        String key = "k" + nextKey++;
        OrderIntent order = OrderIntent.open(key, ins.spec().getSymbol(), side, s.lots().doubleValue(), price[i],
                s.stops().sl(), s.stops().tp1(), ins.spec().getTickSize(), ins.spec().getTickValue());
        Verdict v = governance.check(order, before, t);
        if (!v.allowed() && p.governed()) {
            vetoes++;
            return;
        }
        if (p.governed() && rnd.nextDouble() < 0.05
                && governance.check(order, before, t).reason() != ReasonCode.DUPLICATE_ORDER) {
            throw new AssertionError("a re-sent key was not refused as a duplicate");
        }
        double d = s.stops().slDistance();
        double slip = rnd.nextDouble() * p.slippage() * ENTRY_SHARE * gap * d;
        double fill = side == Side.BUY ? price[i] + slip : price[i] - slip;
        // what the governors assumed: the stop fills at most gap × planned distance beyond the SL in total
        stopAllowance.put(nextTicket, gap * d - slip);
        positions.add(new OpenPosition(nextTicket++, ins.spec().getSymbol(), side, s.lots().doubleValue(), fill,
                s.stops().sl(), s.stops().tp1(), fill, ins.spec().getTickSize(), ins.spec().getTickValue()));
        governance.onPositionOpened(t);
        opened++;
    }

    /** One step of prices: noise + trend, sometimes a spike or a gap; then stops, targets and the worst equity. */
    private void move(boolean reopening, Instant t) {
        double[] low = new double[price.length];
        double[] high = new double[price.length];
        for (int i = 0; i < price.length; i++) {
            double sigma = INSTRUMENTS.get(i).stepSigma() * p.volMultiplier();
            double dp = sigma * (p.drift() + rnd.nextGaussian());
            double extreme = 0;
            if (rnd.nextDouble() < p.spikeProb()) {
                extreme = (rnd.nextBoolean() ? 1 : -1) * sigma * (3 + rnd.nextDouble() * 12); // spike and partial return
            }
            boolean gapped = reopening || rnd.nextDouble() < p.gapProb();
            double gapMove = gapped ? (rnd.nextBoolean() ? 1 : -1) * sigma * rnd.nextDouble() * 20 : 0;
            double open = price[i] + gapMove;
            double close = open + dp + extreme * 0.3;
            low[i] = Math.min(open, close) - Math.abs(rnd.nextGaussian()) * sigma * 0.5 - Math.max(0, -extreme);
            high[i] = Math.max(open, close) + Math.abs(rnd.nextGaussian()) * sigma * 0.5 + Math.max(0, extreme);
            price[i] = Math.max(close, INSTRUMENTS.get(i).basePrice() * 0.2);
            low[i] = Math.max(low[i], INSTRUMENTS.get(i).basePrice() * 0.1);
            fillStops(i, open, low[i], high[i], t);
        }
        // worst equity inside the step: every open position at its worst price at the same time
        double worst = balance;
        for (OpenPosition q : positions) {
            int i = index(q.symbol());
            worst += pnl(q, q.side() == Side.BUY ? low[i] : high[i]);
        }
        observeWorst(worst);
        observeWorst(equity());
    }

    private void fillStops(int i, double open, double low, double high, Instant t) {
        for (OpenPosition q : new ArrayList<>(positions)) {
            if (index(q.symbol()) != i) {
                continue;
            }
            double d = Math.abs(q.openPrice() - q.sl());
            double allowance = stopAllowance.get(q.ticket());
            double slip = rnd.nextDouble() * p.slippage() * allowance;
            if (q.side() == Side.BUY && low <= q.sl()) {
                double fill = Math.max(q.sl() - allowance, Math.min(open, q.sl() - slip)); // a gap fills at the open
                close(q, fill, t);
                stopsHit++;
            } else if (q.side() == Side.SELL && high >= q.sl()) {
                double fill = Math.min(q.sl() + allowance, Math.max(open, q.sl() + slip));
                close(q, fill, t);
                stopsHit++;
            } else if (q.tp() > 0 && (q.side() == Side.BUY ? high >= q.tp() : low <= q.tp())) {
                close(q, q.tp(), t);
            }
            if (d <= 0) {
                throw new AssertionError("position without stop distance");
            }
        }
    }
}
