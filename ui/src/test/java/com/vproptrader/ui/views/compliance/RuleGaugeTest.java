package com.vproptrader.ui.views.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.proto.Compliance;
import com.vproptrader.proto.RuleHeadroom;
import com.vproptrader.proto.RuleUnit;
import com.vproptrader.ui.views.StatusBadge.Tone;
import org.junit.jupiter.api.Test;

/** FTMO 2-Step numbers: 100,000 initial, daily floor 96,000 and max floor 91,000 (1% buffers). */
class RuleGaugeTest {

    private static RuleHeadroom floor(String rule, double limit, double current) {
        return RuleHeadroom.newBuilder().setRule(rule).setUnit(RuleUnit.CENTS).setLimit(cents(limit))
                .setCurrent(cents(current)).setHeadroom(cents(current - limit)).setHeadroomPct((current - limit) / 1_000)
                .build();
    }

    /** A cap in money (pct given) or a counted cap (pct 0). */
    private static RuleHeadroom cap(String rule, double limit, double current, double pct) {
        if (pct == 0) {
            return RuleHeadroom.newBuilder().setRule(rule).setUnit(RuleUnit.COUNT).setLimit((long) limit)
                    .setCurrent((long) current).setHeadroom((long) (limit - current)).build();
        }
        return RuleHeadroom.newBuilder().setRule(rule).setUnit(RuleUnit.CENTS).setLimit(cents(limit))
                .setCurrent(cents(current)).setHeadroom(cents(limit - current)).setHeadroomPct(pct).build();
    }

    private static long cents(double money) {
        return Math.round(money * 100);
    }

    private static Compliance pack(double anchor, RuleHeadroom... rules) {
        Compliance.Builder c = Compliance.newBuilder().setDayStartBalanceCents(cents(anchor))
                .setDayStartEquityCents(cents(anchor));
        for (RuleHeadroom r : rules) {
            c.addRules(r);
        }
        return c.build();
    }

    @Test
    void dailyLoss_isMeasuredFromTheDayAnchor() {
        RuleHeadroom daily = floor("daily_loss", 96_000, 98_000);
        RuleGauge g = RuleGauge.of(daily, pack(100_000, daily));
        assertThat(g.kind()).isEqualTo(RuleGauge.Kind.FLOOR);
        assertThat(g.used()).isCloseTo(0.5, within(1e-9));
        assertThat(g.tone()).isEqualTo(Tone.WARN);
        assertThat(g.label()).isEqualTo("WATCH");
        assertThat(g.usedText()).isEqualTo("50% of allowance used");
    }

    @Test
    void maxLoss_isMeasuredFromTheInitialBalanceDerivedFromHeadroomPct() {
        RuleHeadroom max = floor("max_loss", 91_000, 99_100);
        // the day anchor (higher, after a winning day) must not be used for a non-daily floor
        RuleGauge g = RuleGauge.of(max, pack(104_000, max));
        assertThat(RuleGauge.initialBalance(pack(104_000, max))).isCloseTo(100_000, within(1e-6));
        assertThat(g.used()).isCloseTo(0.1, within(1e-9));
        assertThat(g.tone()).isEqualTo(Tone.GOOD);
        assertThat(g.label()).isEqualTo("OK");
    }

    @Test
    void floor_nearAndBelowTheLimit_turnsRedThenBreached() {
        RuleHeadroom near = floor("daily_loss", 96_000, 96_500);
        assertThat(RuleGauge.of(near, pack(100_000, near)).label()).isEqualTo("NEAR LIMIT");
        RuleHeadroom breached = floor("daily_loss", 96_000, 95_900);
        RuleGauge g = RuleGauge.of(breached, pack(100_000, breached));
        assertThat(g.label()).isEqualTo("BREACHED");
        assertThat(g.tone()).isEqualTo(Tone.BAD);
        assertThat(g.used()).isEqualTo(1);
    }

    @Test
    void countedCap_isCurrentOverLimit() {
        RuleHeadroom positions = cap("open_positions", 5, 4, 0);
        RuleGauge g = RuleGauge.of(positions, pack(100_000, positions));
        assertThat(g.kind()).isEqualTo(RuleGauge.Kind.CAP);
        assertThat(g.used()).isCloseTo(0.8, within(1e-9));
        assertThat(g.label()).isEqualTo("NEAR LIMIT");
    }

    @Test
    void profitTarget_showsProgressFromTheInitialBalance_andReached() {
        RuleHeadroom daily = floor("daily_loss", 96_000, 99_000);
        RuleHeadroom target = cap("profit_target", 110_000, 104_000, 6.0);
        RuleGauge g = RuleGauge.of(target, pack(100_000, daily, target));
        assertThat(g.kind()).isEqualTo(RuleGauge.Kind.TARGET);
        assertThat(g.used()).isCloseTo(0.4, within(1e-9));
        assertThat(g.label()).isEqualTo("IN PROGRESS");
        RuleHeadroom reached = cap("profit_target", 110_000, 110_500, -0.5);
        assertThat(RuleGauge.of(reached, pack(100_000, daily, reached)).label()).isEqualTo("REACHED");
    }

    @Test
    void headroomBar_drawsTheUsedShareInTheGaugeColour() {
        RuleHeadroom daily = floor("daily_loss", 96_000, 98_000);
        String svg = HeadroomBar.svg(RuleGauge.of(daily, pack(100_000, daily)));
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("class='used'", "width='50.00'", "#e0a100");
    }
}
