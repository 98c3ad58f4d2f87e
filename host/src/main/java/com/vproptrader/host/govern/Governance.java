package com.vproptrader.host.govern;

import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.order.OrderIntent;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.TradingDayRule;
import com.vproptrader.host.govern.pack.TrailBasis;
import com.vproptrader.host.risk.Money;
import com.vproptrader.host.time.ServerTimes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The governors as the event loop uses them: it keeps the state the pure checks need (day anchor,
 * trailed peak, engine state, sent keys, trade counters), persists it after every change, and feeds
 * {@link Governors#check} and {@link MarketWatch#assess}. Single-threaded: call it from the account's
 * event loop only. See package-info for the call order.
 *
 * <p>Computed once, not per call: the end of the trading day (when the anchor moves), the floors (when the
 * anchor or the peak moves), and the checks' input for one account view at one instant (a tick's market
 * update, then its candidate's size factor and order check, read the same input until some state changes).
 */
public final class Governance {
    /** How long an idempotency key is remembered; retries and replays come within minutes. */
    private static final Duration KEY_MEMORY = Duration.ofHours(24);
    /** Calendar look-ahead for market breaks. */
    private static final Duration BREAK_HORIZON = Duration.ofDays(7);

    private final RulePack pack;
    private final GovernorStore store;
    private final MarketCalendar calendar;
    private final SentOrders sent = new SentOrders();

    private EngineStatus status;
    private DayAnchor day;
    /** The first reset after {@link #day}'s start: where the day rolls. */
    private Instant dayEnds;
    private Money peak;
    private int consecutiveLosses;
    private Money closedProfitToday = Money.ZERO;
    private int tradingDays;
    private Instant lastTradingDay;
    /** Where the inactivity clock starts: the last fill, or the account's first sighting. */
    private Instant lastTrade;
    /** The last fill; null while the account has never traded. */
    private Instant lastFill;
    /** {@code Floors.of(pack, day, peak)} for the anchor and peak it was computed for. */
    private KeptFloors floors;
    /** Bumped by every change of the state the checks read, so a kept {@link #lastInput} is known current. */
    private long version;
    private GovernorInput lastInput;
    private AccountView lastInputAccount;
    private Instant lastInputNow;
    private long lastInputVersion;
    /** Trading days from {@link #idleSince} to the day starting {@link #idleCountedOn}. */
    private int idleDays;
    private Instant idleSince;
    private Instant idleCountedOn;

    public Governance(RulePack pack, GovernorStore store, MarketCalendar calendar, Instant now) {
        this.pack = pack;
        this.store = store;
        this.calendar = calendar;
        this.status = EngineStatus.active(now);
        this.peak = pack.initialBalance();
        store.load().ifPresent(s -> {
            status = s.status();
            anchor(s.day());
            peak = s.peak();
            consecutiveLosses = s.consecutiveLosses();
            closedProfitToday = s.closedProfitToday();
            tradingDays = s.tradingDays();
            lastTradingDay = s.lastTradingDay();
            lastTrade = s.lastTrade();
            lastFill = s.lastFill();
        });
    }

    /**
     * Checks one order immediately before it is sent. An allowed order is recorded as sent (its key
     * and time feed the duplicate guard and the rate throttle), so call this once per order.
     */
    public Verdict check(OrderIntent order, AccountView account, Instant now) {
        observe(account, now);
        Verdict verdict = Governors.check(order, input(account, now));
        if (verdict.allowed()) {
            sent.add(new SentOrder(order.key(), now));
            version++;
        }
        return verdict;
    }

    /** Call on every account update (tick, timer, fill): rolls the day, updates the engine state, says what to do. */
    public MarketAction onMarket(AccountView account, Instant now) {
        observe(account, now);
        MarketAction action = MarketWatch.assess(input(account, now));
        EngineStatus next = EngineStateMachine.after(status, action, now);
        if (!next.equals(status)) {
            status = next;
            persist();
        }
        return action;
    }

    /**
     * The cap on the next open's risk at its stop while only a day-qualifying trade may open (the target is
     * banked and trading days are missing, {@link TargetRule#dayQualifyingRiskPct()}); empty when the usual
     * sizing applies or nothing may open. The sizer and the navigator size to it.
     */
    public Optional<Money> dayQualifyingRisk(AccountView account, Instant now) {
        observe(account, now);
        return ProfitTargetGovernor.dayQualifyingRisk(pack, account, input(account, now).stats(), tradingDays);
    }

    /**
     * A position was opened in this firm day. Known where opening a trade counts the day (the only rule the
     * day-qualifying trade exists for): the day counted last is then the day of the last open.
     */
    private boolean openedToday(DayAnchor today) {
        return today != null && pack.target().tradingDayRule() == TradingDayRule.TRADE_OPENED
                && today.start().equals(lastTradingDay);
    }

    /** The soft governors' multiplier for the next new position's risk budget (1 = full size). */
    public BigDecimal sizeFactor(AccountView account, Instant now) {
        observe(account, now);
        return SizeFactor.of(input(account, now));
    }

    /** A position was opened (a fill with entry IN): counts the trading day where opening a trade counts. */
    public void onPositionOpened(Instant at) {
        lastTrade = at;
        lastFill = at;
        if (pack.target().tradingDayRule() == TradingDayRule.TRADE_OPENED) {
            countTradingDay(pack.dayReset().dayStart(at));
        }
        persist();
    }

    /** A position was closed with this realised profit (negative = loss), commission and swap included. */
    public void onPositionClosed(Money profit, Instant at) {
        lastTrade = at;
        lastFill = at;
        consecutiveLosses = profit.isNegative() ? consecutiveLosses + 1 : 0;
        if (day != null && pack.dayReset().sameDay(day.start(), at)) {
            closedProfitToday = closedProfitToday.plus(profit);
        }
        persist();
    }

    public void halt(String why, Instant now) {
        status = EngineStateMachine.halt(why, now);
        persist();
    }

    public void resume(String why, Instant now) {
        status = EngineStateMachine.resume(why, now);
        persist();
    }

    /**
     * Why an operator may not resume now, or empty when they may. A read: resuming is {@link #resume}.
     * Refused when not halted; after an overall-floor halt without an explicit acknowledgement; on the day the
     * daily floor halted trading; and whenever the governors would halt or flatten again at once.
     */
    public Optional<Refusal> resumeRefusal(AccountView account, Instant now, boolean acknowledgedMaxLoss) {
        if (status.state() != EngineState.HALTED) {
            return Optional.of(new Refusal("NOT_HALTED", "the engine is " + status.state() + ", not halted"));
        }
        if (status.reason() == ReasonCode.MAX_LOSS_IMMINENT && !acknowledgedMaxLoss) {
            return Optional.of(new Refusal(ReasonCode.MAX_LOSS.name(), "halted at the overall loss floor: "
                    + "resuming needs an explicit acknowledgement"));
        }
        if (status.reason() == ReasonCode.DAILY_LOSS_IMMINENT && day != null
                && now.isBefore(pack.dayReset().nextReset(day.start()))) {
            return Optional.of(new Refusal(ReasonCode.DAILY_LOSS.name(), "the daily floor was reached today; "
                    + "trading resumes by itself at the next day reset, "
                    + ServerTimes.format(pack.dayReset().nextReset(day.start()), pack.serverTimeZone())));
        }
        if (day != null) {
            // After a reset the loop has not seen yet, judge by the day the next update will anchor.
            DayAnchor asOfNow = now.isBefore(pack.dayReset().nextReset(day.start())) ? day
                    : new DayAnchor(pack.dayReset().dayStart(now), account.balance(), account.equity());
            MarketAction action = MarketWatch.assess(input(account, now, asOfNow,
                    asOfNow == day ? floors() : Floors.of(pack, asOfNow, peak)));
            if (action.kind() == MarketAction.Kind.FLATTEN || action.kind() == MarketAction.Kind.HALT) {
                return Optional.of(new Refusal(action.reason().name(), action.detail()));
            }
        }
        return Optional.empty();
    }

    private record KeptFloors(DayAnchor day, Money peak, Floors floors) {
    }

    /** A refused operator action: the rule or check that refused it, and why. */
    public record Refusal(String rule, String detail) {
    }

    public EngineStatus status() {
        return status;
    }

    public DayAnchor day() {
        return day;
    }

    public Money peak() {
        return peak;
    }

    public RulePack pack() {
        return pack;
    }

    /** Days counted so far towards the phase's minimum trading days. */
    public int tradingDays() {
        return tradingDays;
    }

    /** Trading days still needed (0 when the minimum is met or there is none). */
    public int tradingDaysRemaining() {
        return Math.max(0, pack.target().minTradingDays() - tradingDays);
    }

    /**
     * Days left before the firm's inactivity limit ends the account, counted in the firm's calendar days
     * (trading days of the pack's reset clock) since the last fill, or since the account was first seen;
     * {@link Integer#MAX_VALUE} when the pack has no such limit.
     */
    public int inactivityDaysLeft(Instant now) {
        if (pack.inactivityDays() <= 0 || lastTrade == null) {
            return Integer.MAX_VALUE;
        }
        if (day != null && !now.isBefore(day.start()) && now.isBefore(dayEnds)) {
            // within the anchored day the count is the same at every instant: computed once per day and last trade
            if (!lastTrade.equals(idleSince) || !day.start().equals(idleCountedOn)) {
                idleSince = lastTrade;
                idleCountedOn = day.start();
                idleDays = pack.dayReset().daysBetween(lastTrade, day.start());
            }
            return pack.inactivityDays() - idleDays;
        }
        return pack.inactivityDays() - pack.dayReset().daysBetween(lastTrade, now);
    }

    /** When the inactivity clock last restarted: the last fill, or the account's first sighting. */
    public Instant lastTrade() {
        return lastTrade;
    }

    /** The last fill, or null when the account has never traded. */
    public Instant lastFill() {
        return lastFill;
    }

    /** Today's floors, or null before the first account update. */
    public Floors floors() {
        if (day == null) {
            return null;
        }
        if (floors == null || !floors.day().equals(day) || !floors.peak().equals(peak)) {
            floors = new KeptFloors(day, peak, Floors.of(pack, day, peak));
        }
        return floors.floors();
    }

    /**
     * Floors, headroom and state for the Compliance page (AdminService), as the event loop last left them.
     * A read: it never rolls the day or changes the state (only the loop does, so it can tell the terminal).
     * Null before the first account update.
     */
    public ComplianceView compliance(AccountView account) {
        return day == null ? null : ComplianceView.of(this, account);
    }

    /** The snapshot the pure checks see now (for the Compliance page and the journal). A read. */
    public GovernorInput input(AccountView account, Instant now) {
        if (lastInput == null || account != lastInputAccount || !now.equals(lastInputNow) || version != lastInputVersion) {
            lastInput = input(account, now, day, floors());
            lastInputAccount = account;
            lastInputNow = now;
            lastInputVersion = version;
        }
        return lastInput;
    }

    private GovernorInput input(AccountView account, Instant now, DayAnchor day, Floors floors) {
        Instant newsFrom = now.minusSeconds(pack.news().afterSec());
        Instant newsTo = now.plusSeconds((long) pack.news().beforeSec() + pack.news().preCloseSec());
        return new GovernorInput(pack, now, status.state(), account, day, peak, calendar.news(newsFrom, newsTo),
                calendar.breaks(now, now.plus(BREAK_HORIZON)), sent,
                new TradeStats(consecutiveLosses, closedProfitToday, openedToday(day)), calendar.fault(now).orElse(""),
                floors);
    }

    /** Rolls the trading day when a reset has passed, and moves the trailed peak. */
    private void observe(AccountView account, Instant now) {
        forgetOldKeys(now);
        boolean changed = false;
        if (lastTrade == null) { // the inactivity clock starts when the account is first seen
            lastTrade = now;
            changed = true;
        }
        if (day == null || !now.isBefore(dayEnds)) {
            if (day != null) {
                closeDay(account);
            }
            // The first update after the reset stands for the reset itself; the EA sends one at the reset.
            anchor(new DayAnchor(pack.dayReset().dayStart(now), account.balance(), account.equity()));
            closedProfitToday = Money.ZERO;
            status = EngineStateMachine.atDayReset(status, now);
            changed = true;
        }
        Money mark = switch (pack.maxLoss().trailBasis()) {
            case BALANCE -> account.balance();
            case EQUITY -> account.equity();
            case NONE, END_OF_DAY_BALANCE -> peak;
        };
        if (peak.isLessThan(mark)) {
            peak = mark;
            changed = true;
        }
        if (changed) {
            persist();
        }
    }

    private void forgetOldKeys(Instant now) {
        if (sent.size() > 0 && sent.forgetBefore(now.minus(KEY_MEMORY))) {
            version++;
        }
    }

    private void anchor(DayAnchor anchor) {
        day = anchor;
        dayEnds = anchor == null ? null : pack.dayReset().nextReset(anchor.start());
    }

    private void closeDay(AccountView account) {
        if (pack.maxLoss().trailBasis() == TrailBasis.END_OF_DAY_BALANCE) {
            peak = peak.max(account.balance());
        }
        if (pack.target().tradingDayRule() == TradingDayRule.PROFITABLE_DAY
                && closedProfitToday.isAtLeast(pack.pctOfInitial(pack.target().profitableDayMinPct(), RoundingMode.CEILING))) {
            countTradingDay(day.start());
        }
    }

    private void countTradingDay(Instant dayStart) {
        if (!dayStart.equals(lastTradingDay)) {
            tradingDays++;
            lastTradingDay = dayStart; // persisted by the caller
        }
    }

    /** The state it persists, as of now: what a simulation of the rest of the phase starts from. */
    public GovernorSnapshot snapshot() {
        return new GovernorSnapshot(status, day, peak, consecutiveLosses, closedProfitToday, tradingDays,
                lastTradingDay, lastTrade, lastFill);
    }

    private void persist() {
        version++;
        store.save(snapshot());
    }
}
