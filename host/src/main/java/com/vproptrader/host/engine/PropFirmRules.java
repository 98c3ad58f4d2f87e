package com.vproptrader.host.engine;

import com.vproptrader.host.time.ServerTimes;

import com.vproptrader.host.govern.ComplianceView;
import com.vproptrader.host.govern.EngineState;
import com.vproptrader.host.govern.EngineStatus;
import com.vproptrader.host.govern.Governance;
import com.vproptrader.host.govern.GovernorStore;
import com.vproptrader.host.govern.MarketAction;
import com.vproptrader.host.govern.ReasonCode;
import com.vproptrader.host.govern.Verdict;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.order.OpenPosition;
import com.vproptrader.host.govern.order.OrderIntent;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.risk.EntropyKelly;
import com.vproptrader.host.risk.Money;
import com.vproptrader.host.risk.PositionSizer;
import com.vproptrader.host.risk.StopPlanner;
import com.vproptrader.host.risk.VolatilityTarget;
import com.vproptrader.proto.Account;
import com.vproptrader.proto.Compliance;
import com.vproptrader.proto.ComplianceEvent;
import com.vproptrader.proto.ComplianceEventKind;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.GovernorState;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.RuleHeadroom;
import com.vproptrader.proto.RuleUnit;
import com.vproptrader.proto.Tick;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prop firm's rules as the event loop applies them: one {@link Governance} for the account, fed with
 * the account marked to the last quotes, and the operator's view of it (limits, headroom, recent vetoes and
 * actions). Event-loop thread only.
 */
final class PropFirmRules {
    private static final Logger log = LoggerFactory.getLogger(PropFirmRules.class);
    private static final int MAX_EVENTS = 200;
    /** From this many days before the firm's inactivity limit, the operator is warned once a trading day. */
    static final int INACTIVITY_WARNING_DAYS = 5;

    /** Quarter Kelly; the entropy penalty at 0.9 so a coin-flip model still bets a little, never above the cap. */
    private static final double KELLY_FRACTION = 0.25;
    private static final double ENTROPY_WEIGHT = 0.9;

    private final RulePack pack;
    private final Governance governance;
    /** Replaced only by an operator's risk cap ({@link #capRiskPerTrade}); read by the decider on the loop. */
    private PositionSizer sizer;
    private final ArrayDeque<ComplianceEvent> events = new ArrayDeque<>();
    /** The trading day of the last inactivity warning, so it is given once a day. */
    private Instant inactivityWarnedOn;
    /** The last accepted operator action, e.g. "HALT by alice: news", for the Compliance page. */
    private String lastOperatorAction = "";
    /** The account report last read by {@link #view}, and its balance and equity in cents. */
    private Account viewedAccount;
    private AccountView viewed;

    PropFirmRules(RulePack pack, GovernorStore store, MarketCalendar calendar, long serverTimeMsc) {
        this.pack = pack;
        this.governance = new Governance(pack, store, calendar, instant(serverTimeMsc));
        this.sizer = sizer(packRiskCap());
    }

    private static PositionSizer sizer(double perTradeCap) {
        return new PositionSizer(new EntropyKelly(KELLY_FRACTION, ENTROPY_WEIGHT, perTradeCap),
                StopPlanner.DEFAULT, VolatilityTarget.ONE_PERCENT);
    }

    /** The pack's per-trade risk limit as a fraction of equity. */
    double packRiskCap() {
        return pack.limits().maxRiskPerTradePct().doubleValue() / 100;
    }

    /** Operator action: the sizer risks at most {@code fraction} of equity a trade, never above the pack's cap. */
    void capRiskPerTrade(double fraction) {
        sizer = sizer(Math.min(fraction, packRiskCap()));
    }

    double riskPerTradeCap() {
        return sizer.kelly().cap();
    }

    PositionSizer sizer() {
        return sizer;
    }

    RulePack pack() {
        return pack;
    }

    Governance governance() {
        return governance;
    }

    Instant instant(long serverTimeMsc) {
        return pack.serverTimeZone().fromServerMillis(serverTimeMsc);
    }

    /**
     * The account as the governors see it: positions marked at the price they would close at now. The balance and
     * equity in cents are read once per account report (exact decimal reading, too slow to repeat every tick).
     */
    AccountView view(Account account, Collection<Position> positions, Map<String, SymbolMarket> markets) {
        List<OpenPosition> open = new ArrayList<>(positions.size());
        for (Position p : positions) {
            SymbolMarket m = markets.get(p.getSymbol());
            if (m == null) {
                continue;
            }
            Tick last = m.lastTick;
            double close = last == null ? p.getOpenPrice()
                    : p.getSide() == com.vproptrader.proto.Side.BUY ? last.getBid() : last.getAsk();
            open.add(OpenPosition.of(p, m.spec, close));
        }
        if (account != viewedAccount) {
            viewedAccount = account;
            viewed = AccountView.of(account, List.of());
        }
        return new AccountView(viewed.balance(), viewed.equity(), open);
    }

    MarketAction onMarket(AccountView view, long serverTimeMsc) {
        EngineStatus before = governance.status();
        MarketAction action = governance.onMarket(view, instant(serverTimeMsc));
        if (action.kind() != MarketAction.Kind.NONE) {
            record(serverTimeMsc, ComplianceEventKind.EVENT_ACTION, action.reason().name(), action.kind() + " " + action.detail(), "");
        }
        EngineStatus after = governance.status();
        if (after.state() != before.state()) {
            record(serverTimeMsc, ComplianceEventKind.EVENT_STATE, after.reason().name(), before.state() + " -> " + after.state() + ": "
                    + after.detail(), "");
        }
        warnIfIdle(serverTimeMsc);
        return action;
    }

    /**
     * The firm ends an account that does not trade for its inactivity limit. Trading to stay alive is an
     * operator's decision, not the engine's: the engine warns, once a trading day, from
     * {@link #INACTIVITY_WARNING_DAYS} days before.
     */
    private void warnIfIdle(long serverTimeMsc) {
        int left = governance.inactivityDaysLeft(instant(serverTimeMsc));
        Instant today = governance.day() == null ? null : governance.day().start();
        if (left > INACTIVITY_WARNING_DAYS || today == null || today.equals(inactivityWarnedOn)) {
            return;
        }
        inactivityWarnedOn = today;
        String detail = "last trade: " + lastTradeText() + ": " + Math.max(0, left) + " day(s) left of the firm's "
                + pack.inactivityDays() + "-day inactivity limit";
        log.warn("inactivity: {}", detail);
        record(serverTimeMsc, ComplianceEventKind.EVENT_WARNING, ReasonCode.INACTIVITY.name(), detail, "");
    }

    private String lastTradeText() {
        return governance.lastFill() == null ? "no trade yet (counting from the account's first sighting, "
                + ServerTimes.format(governance.lastTrade(), pack.serverTimeZone()) + ")"
                : ServerTimes.format(governance.lastFill(), pack.serverTimeZone());
    }

    /** A warning for the operator (e.g. the EA enforces another pack), shown among the compliance events. */
    void recordWarning(long serverTimeMsc, String code, String detail) {
        record(serverTimeMsc, ComplianceEventKind.EVENT_WARNING, code, detail, "");
    }

    /** An operator's accepted action, shown among the compliance events. */
    void recordOperator(long serverTimeMsc, String what) {
        lastOperatorAction = what;
        record(serverTimeMsc, ComplianceEventKind.EVENT_OPERATOR, ReasonCode.OPERATOR.name(), what, "");
    }

    /** Equity now minus the governors' day-start equity anchor; zero before the first trading day. */
    Money dayPnl(AccountView view) {
        return governance.day() == null ? Money.ZERO : view.equity().minus(governance.day().startEquity());
    }

    Verdict check(OrderIntent order, AccountView view, long serverTimeMsc) {
        Verdict verdict = governance.check(order, view, instant(serverTimeMsc));
        if (!verdict.allowed()) {
            record(serverTimeMsc, ComplianceEventKind.EVENT_VETO, verdict.reason().name(), verdict.detail(), order.symbol());
        }
        return verdict;
    }

    void onFill(Fill fill) {
        Instant at = instant(fill.getTimeMsc());
        if (fill.getEntry() == DealEntry.ENTRY_IN) {
            governance.onPositionOpened(at);
        } else {
            double realised = fill.getProfit() + fill.getCommission() + fill.getSwap();
            governance.onPositionClosed(Money.of(realised, java.math.RoundingMode.FLOOR), at);
        }
    }

    private void record(long timeMsc, ComplianceEventKind kind, String reason, String detail, String symbol) {
        events.addLast(ComplianceEvent.newBuilder().setTimeMsc(timeMsc).setKind(kind).setReasonCode(reason)
                .setDetail(detail).setSymbol(symbol).build());
        if (events.size() > MAX_EVENTS) {
            events.removeFirst();
        }
    }

    private static GovernorState governorState(EngineState state) {
        return switch (state) {
            case ACTIVE -> GovernorState.GOVERNORS_ACTIVE;
            case REDUCING -> GovernorState.GOVERNORS_REDUCING;
            case HALTED -> GovernorState.GOVERNORS_HALTED;
        };
    }

    /** Limits, where the account stands and what is left, for the Compliance page. */
    Compliance toProto(AccountView account, long serverTimeMsc) {
        EngineStatus status = governance.status();
        Compliance.Builder c = Compliance.newBuilder()
                .setRulePack(pack.name()).setFirm(pack.firm()).setProgram(pack.program()).setPhase(pack.phase())
                .setGovernorState(governorState(status.state())).setEngineReason(status.reason().name())
                .setEngineDetail(status.detail()).setEngineSinceMs(status.since().toEpochMilli())
                .setResetZone(pack.dayReset().clock() + " " + pack.dayReset().time())
                .setTradingDays(governance.tradingDays())
                .setTradingDaysRequired(pack.target().minTradingDays())
                .setLastOperatorAction(lastOperatorAction)
                .addAllEvents(events);
        ComplianceView view = governance.compliance(account);
        if (view != null) {
            c.setDayStartBalanceCents(view.day().startBalance().cents())
                    .setDayStartEquityCents(view.day().startEquity().cents())
                    .setDayStartMsc(pack.serverTimeZone().toServerMillis(view.day().start()))
                    .setNextResetMsc(pack.serverTimeZone().toServerMillis(view.nextReset()));
            long equity = view.equity().cents();
            for (ComplianceView.Limit limit : view.limits()) {
                c.addRules(RuleHeadroom.newBuilder().setRule(limit.rule().replace(' ', '_'))
                        .setDescription(describe(limit)).setUnit(RuleUnit.CENTS)
                        .setLimit(limit.firmFloor().cents()).setCurrent(equity)
                        .setHeadroom(limit.headroom().cents()).setHeadroomPct(limit.headroomPct().doubleValue()));
            }
            Money target = pack.initialBalance().plus(pack.pctOfInitial(pack.target().profitTargetPct(),
                    java.math.RoundingMode.CEILING));
            c.addRules(RuleHeadroom.newBuilder().setRule("profit_target")
                    .setDescription("stop opening at " + plain(pack.target().profitTargetPct()) + "% profit")
                    .setUnit(RuleUnit.CENTS).setLimit(target.cents()).setCurrent(equity)
                    .setHeadroom(target.cents() - equity).setHeadroomPct(pct(target.minus(view.equity()))));
            int maxPositions = pack.limits().maxOpenPositions();
            c.addRules(RuleHeadroom.newBuilder().setRule("open_positions")
                    .setDescription("at most " + maxPositions + " open positions").setUnit(RuleUnit.COUNT)
                    .setLimit(maxPositions).setCurrent(account.positions().size())
                    .setHeadroom(maxPositions - account.positions().size()));
            if (pack.inactivityDays() > 0 && governance.lastTrade() != null) {
                int left = governance.inactivityDaysLeft(instant(serverTimeMsc));
                c.addRules(RuleHeadroom.newBuilder().setRule("inactivity")
                        .setDescription("the firm ends the account after " + pack.inactivityDays()
                                + " calendar days without a trade; last trade: " + lastTradeText())
                        .setUnit(RuleUnit.DAYS).setNotStarted(governance.lastFill() == null)
                        .setLimit(pack.inactivityDays()).setCurrent(pack.inactivityDays() - left).setHeadroom(left));
            }
        }
        return c.build();
    }

    /** The firm's floor is the limit; ours, inside it by the pack's buffer, is where the governors act. */
    private String describe(ComplianceView.Limit limit) {
        boolean daily = limit.rule().startsWith("daily");
        return (daily ? plain(pack.dailyLoss().limitPct()) + "% below the day's " + pack.dailyLoss().basis()
                : plain(pack.maxLoss().limitPct()) + "% of initial, " + pack.maxLoss().mode())
                + "; we act at " + limit.ourFloor() + " (buffer "
                + plain(daily ? pack.dailyLoss().bufferPct() : pack.maxLoss().bufferPct()) + "%)";
    }

    private static String plain(java.math.BigDecimal pct) {
        return pct.stripTrailingZeros().toPlainString();
    }

    private double pct(Money money) {
        return money.toBigDecimal().multiply(java.math.BigDecimal.valueOf(100))
                .divide(pack.initialBalance().toBigDecimal(), 4, java.math.RoundingMode.FLOOR).doubleValue();
    }
}
