package com.vproptrader.ui.views.compliance;

import com.vproptrader.proto.Compliance;
import com.vproptrader.proto.RuleHeadroom;
import com.vproptrader.ui.views.StatusBadge.Tone;
import java.util.Locale;

/**
 * How full one rule is, read from the three numbers AdminService sends (limit, current, headroom) and
 * the day anchor. Pure: the cards and the tests use it the same way.
 *
 * <ul>
 *   <li>{@link Kind#FLOOR} (headroom = current − limit, e.g. daily and max loss): {@code used} is the
 *       share of the allowance already lost, the allowance being reference − limit; the reference is the
 *       day-start anchor (higher of balance and equity) for daily rules and the initial balance otherwise
 *       (a trailing floor is measured from the initial balance too: the page does not know the peak).</li>
 *   <li>{@link Kind#CAP} (headroom = limit − current, e.g. open risk, open positions): current / limit.</li>
 *   <li>{@link Kind#TARGET} (a rule named *target*): progress from the initial balance to the target.</li>
 * </ul>
 * The initial balance is not in the contract but follows from it: headroom_pct is headroom as % of it.
 *
 * @param kind  how the rule is read
 * @param used  0..1: allowance used (FLOOR, CAP) or progress to the target (TARGET)
 * @param tone  colour of the bar and the status label
 * @param label short status: OK, WATCH, NEAR LIMIT, BREACHED, IN PROGRESS, REACHED
 */
record RuleGauge(Kind kind, double used, Tone tone, String label) {

    /** Used share from which a limit is shown amber, then red. */
    static final double WATCH_FROM = 0.5;
    static final double NEAR_FROM = 0.8;

    enum Kind { FLOOR, CAP, TARGET }

    static RuleGauge of(RuleHeadroom rule, Compliance compliance) {
        Kind kind = kindOf(rule);
        double initial = initialBalance(compliance);
        double headroom = RuleValues.headroom(rule);
        if (kind == Kind.TARGET) {
            double span = initial > 0 ? RuleValues.limit(rule) - initial : RuleValues.limit(rule);
            double done = initial > 0 ? RuleValues.current(rule) - initial : RuleValues.current(rule);
            double progress = headroom <= 0 ? 1 : span > 0 ? clamp(done / span) : 0;
            return new RuleGauge(kind, progress, headroom <= 0 ? Tone.GOOD : Tone.NEUTRAL,
                    headroom <= 0 ? "REACHED" : "IN PROGRESS");
        }
        double used;
        if (kind == Kind.CAP) {
            used = RuleValues.limit(rule) > 0 ? clamp(RuleValues.current(rule) / RuleValues.limit(rule)) : headroom > 0 ? 0 : 1;
        } else {
            double reference = floorReference(rule, compliance, initial);
            double allowance = reference - RuleValues.limit(rule);
            used = allowance > 0 ? clamp(1 - headroom / allowance) : headroom > 0 ? 0 : 1;
        }
        if (headroom < 0) {
            return new RuleGauge(kind, 1, Tone.BAD, "BREACHED");
        }
        if (used >= NEAR_FROM) {
            return new RuleGauge(kind, used, Tone.BAD, "NEAR LIMIT");
        }
        return used >= WATCH_FROM ? new RuleGauge(kind, used, Tone.WARN, "WATCH") : new RuleGauge(kind, used, Tone.GOOD, "OK");
    }

    /** "38% of allowance used", "45% of the way to target". */
    String usedText() {
        int pct = (int) Math.round(used * 100);
        return kind == Kind.TARGET ? pct + "% of the way to target" : pct + "% of allowance used";
    }

    static Kind kindOf(RuleHeadroom rule) {
        if (rule.getRule().toLowerCase(Locale.ROOT).contains("target")) {
            return Kind.TARGET;
        }
        double tolerance = 1e-6 * Math.max(1, Math.abs(RuleValues.limit(rule)) + Math.abs(RuleValues.current(rule)));
        boolean floor = Math.abs(RuleValues.headroom(rule) - (RuleValues.current(rule) - RuleValues.limit(rule))) <= tolerance;
        boolean cap = Math.abs(RuleValues.headroom(rule) - (RuleValues.limit(rule) - RuleValues.current(rule))) <= tolerance;
        if (cap && !floor) {
            return Kind.CAP;
        }
        return Kind.FLOOR;
    }

    /** The initial balance the pack's percentages refer to, from any money rule; 0 when none says. */
    static double initialBalance(Compliance compliance) {
        for (RuleHeadroom r : compliance.getRulesList()) {
            if (RuleValues.money(r) && r.getHeadroomPct() != 0 && r.getHeadroom() != 0) {
                return Math.abs(RuleValues.headroom(r) / r.getHeadroomPct() * 100);
            }
        }
        return 0;
    }

    private static double floorReference(RuleHeadroom rule, Compliance c, double initial) {
        if (rule.getRule().toLowerCase(Locale.ROOT).startsWith("daily")) {
            double anchor = Math.max(c.getDayStartBalanceCents(), c.getDayStartEquityCents()) / 100.0;
            if (anchor > RuleValues.limit(rule)) {
                return anchor;
            }
        }
        return initial > RuleValues.limit(rule) ? initial : Math.max(RuleValues.current(rule), RuleValues.limit(rule));
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
