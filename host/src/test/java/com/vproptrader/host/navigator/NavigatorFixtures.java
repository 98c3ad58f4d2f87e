package com.vproptrader.host.navigator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vproptrader.host.govern.Governance;
import com.vproptrader.host.govern.GovernorStore;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.risk.Money;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Rule packs reduced to the rules a test is about, and start states on them. */
final class NavigatorFixtures {
    static final Instant MONDAY_9_UTC = Instant.parse("2026-03-02T09:00:00Z");
    static final ExecutorService WORKERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "navigator-test");
        t.setDaemon(true);
        return t;
    });

    private NavigatorFixtures() {
    }

    /**
     * FTMO 2-Step with everything but the loss floors and the target neutralised: UTC day reset, a 24 h
     * session, no news, weekend or break rule, no buffers or gap allowance, no inactivity or minimum days,
     * no soft size cuts; then {@code overrides} on top.
     */
    static RulePack pack(Map<String, Object> overrides) {
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode p = (ObjectNode) json.readTree(RulePackLoader.text("ftmo-2step"));
            p.put("serverTimeZone", "UTC");
            p.put("dayResetZone", "UTC");
            p.put("dailyLossPct", 99.0);
            p.put("dailyLossBufferPct", 0.0);
            p.put("maxLossBufferPct", 0.0);
            p.put("minTradingDays", 0);
            p.put("newsEmbargo", false);
            p.put("weekendFlat", false);
            p.put("marketBreakFlatMinHours", 0.0);
            p.put("inactivityDays", 0);
            p.put("gapAllowanceSlFraction", 0.0);
            p.put("maxRiskPerTradePct", 2.0);
            p.put("maxOpenRiskPct", 2.0);
            p.put("maxOrdersPerMinute", 100);
            p.put("lossStreakLength", 1000);
            p.put("lossStreakSizeFactor", 1.0);
            p.put("nearFloorHeadroomPct", 0.0);
            p.put("reducingHeadroomPct", 0.01);
            p.put("flattenHeadroomPct", 0.0);
            ArrayNode sessions = p.putArray("sessions");
            sessions.addObject().put("name", "ALL_DAY").put("zone", "UTC").put("open", "00:00").put("close", "23:59");
            overrides.forEach((k, v) -> p.set(k, json.valueToTree(v)));
            return RulePackLoader.parse("ftmo-2step", json.writeValueAsString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh account at the initial balance, first seen now, with {@code days} of time to trade. */
    static StartState fresh(RulePack pack, Duration days) {
        Governance governance = new Governance(pack, GovernorStore.inMemory(), MarketCalendar.NONE, MONDAY_9_UTC);
        governance.onMarket(new AccountView(pack.initialBalance(), pack.initialBalance(), List.of()), MONDAY_9_UTC);
        return new StartState(pack, MarketCalendar.NONE, governance.snapshot(), pack.initialBalance(), pack.initialBalance(),
                Money.ZERO, MONDAY_9_UTC, MONDAY_9_UTC.plus(days));
    }

    /** Bernoulli ±R outcomes (win {@code winR}, loss 1 R), {@code perDay} trades a day an hour apart from 10:00. */
    static OutcomePrior coin(double pWin, double winR, double perDay) {
        return new OutcomePrior(pWin, winR, 1.0, perDay, 600, 60, 30, 1);
    }

    static ChallengeNavigator navigator(NavigatorConfig config) {
        return new ChallengeNavigator(config, new Simulation(WORKERS, 2));
    }
}
