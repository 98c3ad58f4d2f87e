package com.vproptrader.host.govern;

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
                return Optional.of(Verdict.veto(ReasonCode.PROFIT_TARGET_REACHED,
                        "closed profit " + profit + " reached the target " + target));
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

    /** bestDayMaxSharePct % of the profit target, rounded down (stopping earlier is the safe side). */
    static Money dayProfitCap(RulePack pack) {
        BigDecimal pct = pack.target().bestDayMaxSharePct().multiply(pack.target().profitTargetPct()).divide(HUNDRED);
        return pack.pctOfInitial(pct, RoundingMode.FLOOR);
    }
}
