package com.vproptrader.host.govern;

import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.risk.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * What the Compliance page shows: the pack, each loss rule's floor, the current equity and the
 * headroom in money and in % of the initial balance, the engine state and today's anchor and reset.
 */
public record ComplianceView(String pack, EngineStatus status, DayAnchor day, Instant nextReset, Money equity,
                             List<Limit> limits, int tradingDays, int minTradingDays) {

    /** One floor: the firm's level, ours (with buffer), and how far equity is above the firm's. */
    public record Limit(String rule, Money firmFloor, Money ourFloor, Money headroom, BigDecimal headroomPct) {
    }

    static ComplianceView of(Governance g, AccountView account) {
        Floors f = g.floors();
        RulePack pack = g.pack();
        return new ComplianceView(pack.name(), g.status(), g.day(), pack.dayReset().nextReset(g.day().start()),
                account.equity(),
                List.of(limit("daily loss", f.dayFloor(), f.bufferedDayFloor(), account.equity(), pack),
                        limit("max loss", f.maxFloor(), f.bufferedMaxFloor(), account.equity(), pack)),
                g.tradingDays(), pack.target().minTradingDays());
    }

    private static Limit limit(String rule, Money firm, Money ours, Money equity, RulePack pack) {
        Money headroom = equity.minus(firm);
        BigDecimal pct = headroom.toBigDecimal().multiply(BigDecimal.valueOf(100))
                .divide(pack.initialBalance().toBigDecimal(), 4, RoundingMode.FLOOR);
        return new Limit(rule, firm, ours, headroom, pct);
    }
}
