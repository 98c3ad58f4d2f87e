package com.vproptrader.ui.views.compliance;

import com.vproptrader.proto.RuleHeadroom;
import com.vproptrader.proto.RuleUnit;

/** A rule's three figures in display units: money from whole cents, counts and days as they are. */
final class RuleValues {
    private RuleValues() {
    }

    static boolean money(RuleHeadroom rule) {
        return rule.getUnit() == RuleUnit.CENTS;
    }

    static double limit(RuleHeadroom rule) {
        return display(rule, rule.getLimit());
    }

    static double current(RuleHeadroom rule) {
        return display(rule, rule.getCurrent());
    }

    static double headroom(RuleHeadroom rule) {
        return display(rule, rule.getHeadroom());
    }

    private static double display(RuleHeadroom rule, long value) {
        return money(rule) ? value / 100.0 : value;
    }
}
