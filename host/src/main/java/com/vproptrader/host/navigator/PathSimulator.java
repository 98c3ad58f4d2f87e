package com.vproptrader.host.navigator;

import com.vproptrader.host.govern.EngineState;
import com.vproptrader.host.govern.EngineStatus;
import com.vproptrader.host.govern.Floors;
import com.vproptrader.host.govern.Governance;
import com.vproptrader.host.govern.GovernorStore;
import com.vproptrader.host.govern.ReasonCode;
import com.vproptrader.host.govern.Verdict;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.order.OrderIntent;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.TargetRule;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One simulated rest-of-phase: day after day, the resampled trades go through a fresh {@link Governance} (the
 * class the account's event loop trades with) seeded with the account's governor state, so the daily floor
 * and its reset, the trailed peak, the engine state, the size factor, the profit-target and best-day stops,
 * trading-day counting and the inactivity clock are the host's own code. Trades run one after another on a
 * synthetic instrument whose one tick is worth one cent, sized at {@code riskFraction} of the {@link RiskBasis} times the
 * governors' size factor (capped by the pack's per-trade limit), and each closes at its resampled R.
 */
final class PathSimulator {
    private static final String SYMBOL = "SIM";
    private static final double CENT = 0.01;

    private final StartState start;
    private final RulePack pack;
    private final TradingCalendar calendar;
    private final double riskFraction;
    private final RiskBasis basis;
    private final Money target;
    private final BigDecimal bestDayShare;

    PathSimulator(StartState start, double riskFraction, RiskBasis basis) {
        this.start = start;
        this.basis = basis;
        this.pack = start.pack();
        this.calendar = new TradingCalendar(pack.dayReset());
        double cap = pack.limits().maxRiskPerTradePct().doubleValue() / 100;
        this.riskFraction = Math.min(riskFraction, cap);
        TargetRule rule = pack.target();
        this.target = pack.pctOfInitial(rule.profitTargetPct(), RoundingMode.CEILING);
        this.bestDayShare = rule.bestDayMaxSharePct();
    }

    /** The risk per trade actually simulated (the asked level, capped by the pack's per-trade limit). */
    double riskFraction() {
        return riskFraction;
    }

    /** The end of one path and the trading day (1 = today) it ended on. */
    record Result(AttemptEnd end, int day) {
    }

    Result run(DaySampler.Cursor days) {
        Governance gov = governance();
        long balance = start.equity().cents(); // open positions count as closed at their mark
        long bestDay = start.bestDayProfit().cents();
        Instant dayStart = calendar.dayStart(start.now());
        Instant lastClose = start.now();
        long tradeNo = 0;
        for (int day = 1; ; day++) {
            if (day > 1) {
                dayStart = calendar.nextTradingDay(dayStart);
            }
            Instant from = day == 1 ? start.now() : dayStart;
            if (!from.isBefore(start.deadline())) {
                return new Result(AttemptEnd.TIME_OUT, day);
            }
            Instant nextReset = calendar.nextReset(dayStart);
            AttemptEnd end = observe(gov, balance, from, bestDay);
            if (end != null) {
                return new Result(end, day);
            }
            long dayProfit = day == 1 ? gov.snapshot().closedProfitToday().cents() : 0;
            TradingDay sample = days.next();
            for (int i = 0; i < sample.trades(); i++) {
                Instant open = dayStart.plusMillis(sample.openOffsetMs()[i]);
                if (open.isBefore(from) || !open.isBefore(nextReset)) {
                    continue; // today's trades before now already happened; a longer day does not fit a DST day
                }
                open = open.isBefore(lastClose) ? lastClose : open;
                Instant close = dayStart.plusMillis(Math.max(sample.closeOffsetMs()[i], sample.openOffsetMs()[i]));
                close = close.isBefore(open) ? open : close.isBefore(nextReset) ? close : nextReset.minusMillis(1);
                if (!open.isBefore(start.deadline())) {
                    return new Result(AttemptEnd.TIME_OUT, day);
                }
                if (gov.inactivityDaysLeft(open) < 0) {
                    return new Result(AttemptEnd.INACTIVITY, day);
                }
                // The governors already assessed this balance at the last close or the day's start.
                AccountView flat = flat(balance);
                BigDecimal factor = gov.sizeFactor(flat, open);
                long base = basis == RiskBasis.BALANCE ? balance : pack.initialBalance().cents();
                long risk = (long) Math.floor(base * riskFraction * factor.doubleValue());
                // After an early target only the day's small day-qualifying trade may open, sized as the host sizes it.
                if (balance - pack.initialBalance().cents() >= target.cents()) {
                    Optional<Money> dayQualifying = gov.dayQualifyingRisk(flat, open);
                    if (dayQualifying.isPresent()) {
                        risk = Math.min(risk, dayQualifying.get().cents());
                    }
                }
                if (risk <= 0) {
                    continue;
                }
                Verdict v = gov.check(order(++tradeNo, balance, risk), flat, open);
                if (!v.allowed()) {
                    if (v.reason() == ReasonCode.MAX_LOSS) {
                        return new Result(AttemptEnd.MAX_LOSS, day); // nothing can change that without a trade
                    }
                    if (endsTheDay(v.reason())) {
                        break;
                    }
                    continue;
                }
                gov.onPositionOpened(open);
                long profit = (long) Math.floor(sample.r()[i] * risk); // a loss rounds to more loss
                Floors floors = gov.floors();
                balance += profit;
                AttemptEnd breach = breach(floors, balance);
                if (breach != null) {
                    return new Result(breach, day);
                }
                gov.onPositionClosed(Money.ofCents(profit), close);
                lastClose = close;
                dayProfit += profit;
                bestDay = Math.max(bestDay, dayProfit);
                end = observe(gov, balance, close, bestDay);
                if (end != null) {
                    return new Result(end, day);
                }
            }
        }
    }

    /**
     * Lets the governors see the account at {@code t} (rolling the day, moving the peak, the engine state)
     * and says whether the attempt is over there.
     */
    private AttemptEnd observe(Governance gov, long balance, Instant t, long bestDay) {
        AccountView flat = flat(balance);
        gov.onMarket(flat, t);
        if (gov.inactivityDaysLeft(t) < 0) {
            return AttemptEnd.INACTIVITY;
        }
        EngineStatus status = gov.status();
        if (status.state() != EngineState.ACTIVE && status.reason() == ReasonCode.MAX_LOSS_IMMINENT) {
            return AttemptEnd.MAX_LOSS; // the overall floor halts for good (only an operator resumes)
        }
        return passed(gov, balance, bestDay) ? AttemptEnd.PASSED : null;
    }

    private boolean passed(Governance gov, long balance, long bestDay) {
        long profit = balance - pack.initialBalance().cents();
        if (profit < target.cents() || gov.tradingDays() < pack.target().minTradingDays()) {
            return false;
        }
        // Best day at most bestDayMaxSharePct % of the total profit (0 = no such rule).
        return bestDayShare.signum() == 0
                || BigDecimal.valueOf(bestDay).multiply(BigDecimal.valueOf(100))
                .compareTo(bestDayShare.multiply(BigDecimal.valueOf(profit))) <= 0;
    }

    /** The firm's floors as they stood while the trade was open; below one is a breach of that rule. */
    private static AttemptEnd breach(Floors floors, long equity) {
        boolean daily = equity < floors.dayFloor().cents();
        boolean overall = equity < floors.maxFloor().cents();
        if (daily && overall) { // equity fell through the nearer (higher) floor first
            return floors.dayFloor().isLessThan(floors.maxFloor()) ? AttemptEnd.MAX_LOSS : AttemptEnd.DAILY_LOSS;
        }
        return daily ? AttemptEnd.DAILY_LOSS : overall ? AttemptEnd.MAX_LOSS : null;
    }

    /** Vetoes after which no more trades are tried today (they hold until the next day reset at least). */
    private static boolean endsTheDay(ReasonCode reason) {
        return switch (reason) {
            case DAILY_LOSS, BEST_DAY_CAP, PROFIT_TARGET_REACHED, ENGINE_HALTED, ENGINE_REDUCING -> true;
            default -> false;
        };
    }

    /**
     * A buy of one lot on the synthetic instrument: price = balance in dollars, stop {@code risk} cents below,
     * one tick of 0.01 worth one cent. Prices are divided (not multiplied) down from whole cents so each double
     * reads back as its exact decimal and the governors' risk arithmetic is exact.
     */
    private static OrderIntent order(long no, long balance, long risk) {
        return OrderIntent.open("nav-" + no, SYMBOL, Side.BUY, 1, balance / 100.0, (balance - risk) / 100.0, 0,
                CENT, CENT);
    }

    private static AccountView flat(long balance) {
        Money m = Money.ofCents(balance);
        return new AccountView(m, m, List.of());
    }

    /** The host's governors on a private copy of the live state, an operator's halt lifted (the account trades on). */
    private Governance governance() {
        GovernorStore store = GovernorStore.inMemory();
        store.save(start.governors());
        Governance gov = new Governance(pack, store, start.calendar(), start.now());
        if (gov.status().state() != EngineState.ACTIVE && gov.status().reason() == ReasonCode.OPERATOR) {
            gov.resume("forecast for the account trading on", start.now());
        }
        return gov;
    }
}
