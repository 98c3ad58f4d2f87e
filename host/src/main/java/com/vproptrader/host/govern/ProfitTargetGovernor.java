package com.vproptrader.host.govern;

import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.order.OrderKind;
import com.vproptrader.host.govern.order.WorstCase;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.TargetRule;
import com.vproptrader.host.risk.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Soft governors that refuse new positions (never closes): once the phase's profit target is banked,
 * more trading can only lose the pass; and with a best-day rule, a day's closed profit is capped at
 * that share of the target, so no single day can exceed the share once the target is met.
 */
final class ProfitTargetGovernor implements Governor {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public Optional<Verdict> check(ResolvedOrder o, GovernorInput in) {
        if (o.order().kind() != OrderKind.OPEN) {
            return Optional.empty();
        }
        TargetRule rule = in.pack().target();
        if (rule.stopOpeningAtTarget() && rule.profitTargetPct().signum() > 0) {
            Money target = in.pack().pctOfInitial(rule.profitTargetPct(), RoundingMode.CEILING);
            Money profit = in.account().balance().minus(in.pack().initialBalance());
            if (profit.isAtLeast(target)) {
                Optional<String> refusal = dayQualifyingRefusal(o, in, profit.minus(target));
                if (refusal.isPresent()) {
                    return Optional.of(Verdict.veto(ReasonCode.PROFIT_TARGET_REACHED,
                            "closed profit " + profit + " reached the target " + target + refusal.get()));
                }
            }
        }
        if (rule.bestDayMaxSharePct().signum() > 0) {
            Money cap = dayProfitCap(in.pack());
            if (in.stats().closedProfitToday().isAtLeast(cap)) {
                return Optional.of(Verdict.veto(ReasonCode.BEST_DAY_CAP, "today's closed profit "
                        + in.stats().closedProfitToday() + " reached the best-day cap " + cap));
            }
        }
        return Optional.empty();
    }

    /**
     * Why this open is not the day's one day-qualifying trade ({@link TargetRule#dayQualifyingRiskPct()}), empty
     * when it is: the first position opened today, alone, risking at most the cap at its stop, and losing at most
     * the profit above the target even with the stop's gap allowance, so the target stays banked.
     */
    private static Optional<String> dayQualifyingRefusal(ResolvedOrder o, GovernorInput in, Money aboveTarget) {
        BigDecimal pct = in.pack().target().dayQualifyingRiskPct();
        if (pct.signum() <= 0) {
            return Optional.of("");
        }
        if (in.stats().openedToday()) {
            return Optional.of("; today's day-qualifying trade was already opened");
        }
        if (!o.before().isEmpty()) {
            return Optional.of("; a day-qualifying trade opens only on a flat account");
        }
        if (!o.subject().hasStop()) {
            return Optional.of("; a day-qualifying trade needs a stop");
        }
        Money cap = in.pack().pctOfInitial(pct, RoundingMode.FLOOR);
        Money risk = WorstCase.riskAtStop(o.subject());
        if (cap.isLessThan(risk)) {
            return Optional.of("; risk " + risk + " above the day-qualifying cap " + cap);
        }
        Money worst = WorstCase.remainingLoss(o.subject(), in.pack().limits().gapAllowanceSlFraction());
        if (aboveTarget.isLessThan(worst)) {
            return Optional.of("; worst case " + worst + " would give back the target (profit above it " + aboveTarget + ")");
        }
        return Optional.empty();
    }

    /**
     * The most a day-qualifying trade may risk at its stop now, when the target is banked, trading days are
     * missing and none was opened today; empty otherwise. Leaves room for the gap allowance and rounding, so
     * an order sized to it passes {@link #dayQualifyingRefusal}.
     */
    static Optional<Money> dayQualifyingRisk(RulePack pack, AccountView account, TradeStats stats, int tradingDays) {
        TargetRule rule = pack.target();
        Money aboveTarget = account.balance().minus(pack.initialBalance())
                .minus(pack.pctOfInitial(rule.profitTargetPct(), RoundingMode.CEILING));
        if (rule.dayQualifyingRiskPct().signum() <= 0 || !rule.stopOpeningAtTarget() || aboveTarget.isNegative()
                || tradingDays >= rule.minTradingDays() || stats.openedToday() || !account.positions().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal perRisk = BigDecimal.ONE.add(pack.limits().gapAllowanceSlFraction());
        Money byMargin = Money.of(aboveTarget.minus(Money.ofCents(1)).toBigDecimal()
                .divide(perRisk, 2, RoundingMode.FLOOR), RoundingMode.FLOOR);
        Money risk = byMargin.min(pack.pctOfInitial(rule.dayQualifyingRiskPct(), RoundingMode.FLOOR));
        return risk.isAtLeast(Money.ofCents(1)) ? Optional.of(risk) : Optional.empty();
    }

    /** bestDayMaxSharePct % of the profit target, rounded down (stopping earlier is the safe side). */
    static Money dayProfitCap(RulePack pack) {
        BigDecimal pct = pack.target().bestDayMaxSharePct().multiply(pack.target().profitTargetPct()).divide(HUNDRED);
        return pack.pctOfInitial(pct, RoundingMode.FLOOR);
    }
}
