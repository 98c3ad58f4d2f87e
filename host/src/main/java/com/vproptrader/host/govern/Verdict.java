package com.vproptrader.host.govern;

import java.math.BigDecimal;

/**
 * A governor decision on one order: allowed or vetoed with a reason code and a human-readable detail.
 * {@code sizeFactor} is the soft governors' multiplier for new positions (1 = full size); it is
 * informative on the verdict, sizing applies it before the order is built.
 */
public record Verdict(boolean allowed, ReasonCode reason, String detail, BigDecimal sizeFactor) {

    public static Verdict allow(BigDecimal sizeFactor) {
        return new Verdict(true, ReasonCode.OK, "", sizeFactor);
    }

    public static Verdict veto(ReasonCode reason, String detail) {
        return new Verdict(false, reason, detail, BigDecimal.ZERO);
    }

    @Override
    public String toString() {
        return allowed ? "ALLOW (size × " + sizeFactor.toPlainString() + ")" : "VETO " + reason + ": " + detail;
    }
}
