package com.vproptrader.host.engine;

import com.vproptrader.host.time.ServerTimes;

import com.vproptrader.host.govern.GovernorStore;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Compliance;
import com.vproptrader.proto.ComplianceEvent;
import com.vproptrader.proto.ComplianceEventKind;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.RuleHeadroom;
import org.junit.jupiter.api.Test;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's side of the rules: the inactivity row on the Compliance page and its once-a-day warning. */
class PropFirmRulesTest {
    private static final RulePack FTMO = RulePackLoader.bundled("ftmo-2step");
    private static final long DAY_MS = 86_400_000L;
    private static final AccountView FLAT = new AccountView(Money.of(100_000, RoundingMode.UNNECESSARY),
            Money.of(100_000, RoundingMode.UNNECESSARY), List.of());

    private static long serverMs(String mt5) {
        return FTMO.serverTimeZone().toServerMillis(ServerTimes.parse(mt5, FTMO.serverTimeZone()));
    }

    private static RuleHeadroom inactivity(Compliance c) {
        return c.getRulesList().stream().filter(r -> r.getRule().equals("inactivity")).findFirst().orElseThrow();
    }

    private static List<ComplianceEvent> warnings(Compliance c) {
        return c.getEventsList().stream().filter(e -> e.getKind() == ComplianceEventKind.EVENT_WARNING).toList();
    }

    @Test
    void inactivity_is_a_counted_rule_and_warns_once_a_day_from_five_days_before_the_limit() {
        long seen = serverMs("2026.03.02 10:00:00");
        PropFirmRules rules = new PropFirmRules(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, seen);
        rules.onMarket(FLAT, seen);
        RuleHeadroom fresh = inactivity(rules.toProto(FLAT, seen));
        assertThat(fresh.getLimit()).isEqualTo(30);
        assertThat(fresh.getCurrent()).isZero();
        assertThat(fresh.getHeadroom()).isEqualTo(30);
        assertThat(fresh.getDescription()).contains("30 calendar days without a trade", "no trade yet",
                "2026.03.02 10:00");
        assertThat(fresh.getNotStarted()).as("no trade yet").isTrue();
        assertThat(fresh.getUnit()).isEqualTo(com.vproptrader.proto.RuleUnit.DAYS);

        long dayBefore = seen + 25 * DAY_MS + 3_600_000; // the 25th calendar day after: 5 days left
        rules.onMarket(FLAT, dayBefore);
        assertThat(warnings(rules.toProto(FLAT, dayBefore))).as("5 whole days left: warned").hasSize(1);
        long later = dayBefore + 6 * 3_600_000;
        rules.onMarket(FLAT, later);
        assertThat(warnings(rules.toProto(FLAT, later))).as("same trading day: once").hasSize(1);

        long nextDay = seen + 26 * DAY_MS;
        rules.onMarket(FLAT, nextDay);
        Compliance c = rules.toProto(FLAT, nextDay);
        assertThat(warnings(c)).hasSize(2);
        assertThat(warnings(c).get(1).getReasonCode()).isEqualTo("INACTIVITY");
        assertThat(warnings(c).get(1).getDetail()).contains("no trade yet", "2026.03.02 10:00", "4 day(s) left");
        assertThat(inactivity(c).getHeadroom()).isEqualTo(4);
        assertThat(inactivity(c).getCurrent()).isEqualTo(26);

        rules.onFill(Fill.newBuilder().setEntry(DealEntry.ENTRY_IN).setTimeMsc(nextDay + 60_000).build());
        long afterTrade = nextDay + 2 * DAY_MS;
        rules.onMarket(FLAT, afterTrade);
        Compliance traded = rules.toProto(FLAT, afterTrade);
        assertThat(inactivity(traded).getHeadroom()).as("a fill restarts the clock").isEqualTo(28);
        assertThat(inactivity(traded).getNotStarted()).isFalse();
        assertThat(inactivity(traded).getDescription()).contains("last trade: 2026.03.28");
        assertThat(warnings(traded)).as("no warning when the limit is far again").hasSize(2);
    }

    @Test
    void a_pack_without_an_inactivity_limit_shows_no_such_rule() {
        RulePack none = RulePackLoader.parse("ftmo-2step",
                RulePackLoader.text("ftmo-2step").replace("\"inactivityDays\": 30", "\"inactivityDays\": 0"));
        long now = serverMs("2026.03.02 10:00:00");
        PropFirmRules rules = new PropFirmRules(none, GovernorStore.inMemory(), MarketCalendar.NONE, now);
        rules.onMarket(FLAT, now + 40 * DAY_MS);
        Compliance c = rules.toProto(FLAT, now + 40 * DAY_MS);
        assertThat(c.getRulesList()).extracting(RuleHeadroom::getRule).doesNotContain("inactivity");
        assertThat(warnings(c)).isEmpty();
    }
}
