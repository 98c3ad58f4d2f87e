package com.vproptrader.host.engine;

import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.navigator.LiveNavigator;
import com.vproptrader.host.navigator.NavigatorConfig;
import com.vproptrader.host.navigator.NavigatorProto;
import com.vproptrader.host.navigator.NavigatorReport;
import com.vproptrader.host.navigator.StartState;
import com.vproptrader.host.navigator.TradeOutcome;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.ChallengeForecast;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.OperatorRecord;
import com.vproptrader.proto.OperatorRequest;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The challenge navigator as the account loop drives it: a refresh after every closed trade and at every day
 * reset (a copy of the state, handed off; the simulation never runs on the loop), the report journaled on the
 * loop when it arrives, and the operator's choice to make the sizer follow the advised risk. Loop thread only,
 * except {@link LiveNavigator}'s own threads.
 */
final class AccountNavigator implements AutoCloseable {
    private final LiveNavigator navigator;
    private final MarketCalendar calendar;
    private final Journal journal;
    /** The day-reset instant of the last day a refresh was asked for. */
    private Instant navigatedDay;
    /** The account's rules (set once the terminal said hello; every call passes them). */
    private PropFirmRules rules;
    /** The advised risk the operator made the sizer follow; 0 = the pack's cap. */
    private double followedRisk;

    /** @param onLoop runs work on the account loop (the report is journaled there, in event order) */
    AccountNavigator(NavigatorConfig config, MarketCalendar calendar, Journal journal, Consumer<Runnable> onLoop) {
        this.journal = journal;
        this.calendar = calendar;
        this.navigator = new LiveNavigator(config, report -> onLoop.accept(() ->
                journal.append(report.asOfMsc(), "", com.vproptrader.proto.JournalRecord.newBuilder().setNavigator(proto(report)).build())));
    }

    /** After the governors saw the market: a new trading day asks for a refresh (so does the first one). */
    void afterMarket(PropFirmRules rules, AccountView view, long nowMsc, Supplier<List<TradeOutcome>> trades) {
        if (rules.governance().day() != null && !rules.governance().day().start().equals(navigatedDay)) {
            String cause = navigatedDay == null ? "start" : "day_reset";
            navigatedDay = rules.governance().day().start();
            refresh(rules, view, nowMsc, trades, cause);
        }
    }

    void afterClosedTrade(PropFirmRules rules, AccountView view, long nowMsc, Supplier<List<TradeOutcome>> trades) {
        refresh(rules, view, nowMsc, trades, "closed_trade");
    }

    /**
     * Operator action: follow the newest advice (within the pack's cap), or go back to the pack's cap; journaled as
     * the operator's RISK_CAP action, stamped {@code eventMsc}. Before the first forecast nothing changes (nothing
     * is journaled) and the answer is not ready.
     */
    ChallengeForecast follow(boolean follow, OperatorRequest by, PropFirmRules rules, AccountView view, long nowMsc,
                             long eventMsc, Supplier<List<TradeOutcome>> trades) {
        ChallengeForecast after = follow(follow, rules, view, nowMsc, trades);
        if (follow && !after.getReady()) {
            return after;
        }
        journal.append(eventMsc, "", JournalRecord.newBuilder().setOperator(OperatorRecord.newBuilder()
                .setAction("RISK_CAP").setRequest(by)
                .setDetail((follow ? "follow risk advice: cap " : "risk cap back to the pack's: ")
                        + after.getPerTradeCapPct() + "% per trade")).build());
        return after;
    }

    private ChallengeForecast follow(boolean follow, PropFirmRules rules, AccountView view, long nowMsc,
                                     Supplier<List<TradeOutcome>> trades) {
        if (follow && navigator.latest().isEmpty()) {
            return proto(rules); // not ready: nothing to follow yet, nothing changed
        }
        followedRisk = follow ? navigator.latest().get().curve().best().riskFraction() : 0;
        rules.capRiskPerTrade(follow ? followedRisk : rules.packRiskCap());
        refresh(rules, view, nowMsc, trades, "operator");
        return proto(rules);
    }

    /** The newest forecast as AdminService shows it. */
    ChallengeForecast proto(PropFirmRules current) {
        rules = current;
        return navigator.latest().map(this::proto)
                .orElse(ChallengeForecast.newBuilder().setReady(false)
                        .setPerTradeCapPct(current.riskPerTradeCap() * 100).setFollowingAdvice(followedRisk > 0).build());
    }

    private ChallengeForecast proto(NavigatorReport report) {
        return NavigatorProto.of(report, navigator.config().seed(), followedRisk > 0, rules.riskPerTradeCap() * 100,
                rules.pack().serverTimeZone());
    }

    private void refresh(PropFirmRules current, AccountView view, long nowMsc, Supplier<List<TradeOutcome>> trades,
                         String cause) {
        rules = current;
        if (rules.governance().day() == null) {
            return;
        }
        RulePack pack = rules.pack();
        Instant now = rules.instant(nowMsc);
        // The best day so far is filled in from the trades on the navigator's thread.
        StartState start = new StartState(pack, calendar, rules.governance().snapshot(), view.balance(),
                view.equity(), Money.ZERO, now, now.plus(navigator.config().horizon()));
        navigator.refresh(new LiveNavigator.Request(start, trades, cause, nowMsc, followedRisk));
    }

    @Override
    public void close() {
        navigator.close();
    }
}
