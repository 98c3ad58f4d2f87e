package com.vproptrader.host.govern;

import com.vproptrader.host.govern.calendar.Impact;
import com.vproptrader.host.govern.calendar.MarketBreak;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.calendar.NewsEvent;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.order.OpenPosition;
import com.vproptrader.host.govern.order.OrderIntent;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.time.ServerTimes;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GovernanceTest {
    private static final RulePack FTMO = RulePackLoader.bundled("ftmo-2step");
    private static final RulePack FTMO_1STEP = RulePackLoader.bundled("ftmo-1step");
    private static final RulePack THE5ERS = RulePackLoader.bundled("the5ers-high-stakes");

    private static Instant server(String mt5, RulePack pack) {
        return ServerTimes.parse(mt5, pack.serverTimeZone());
    }

    private static Money m(String amount) {
        return Money.of(new java.math.BigDecimal(amount), RoundingMode.UNNECESSARY);
    }

    private static AccountView flat(String balance, String equity) {
        return new AccountView(m(balance), m(equity), List.of());
    }

    private static OpenPosition eurusd(long ticket, double volume, double sl, double current) {
        return new OpenPosition(ticket, "EURUSD", Side.BUY, volume, 1.10000, sl, 0, current, 0.00001, 1.0);
    }

    private static OrderIntent buy(String key, double volume) {
        return OrderIntent.open(key, "EURUSD", Side.BUY, volume, 1.10000, 1.09000, 1.11500, 0.00001, 1.0);
    }

    @Test
    void day_anchor_is_set_at_the_first_update_and_rolls_at_prague_midnight() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        g.onMarket(flat("100000", "100000"), server("2026.03.10 15:00:00", FTMO));
        assertThat(g.day().start()).isEqualTo(server("2026.03.10 01:00:00", FTMO));
        g.onMarket(flat("98000", "97500"), server("2026.03.11 00:59:59", FTMO));
        assertThat(g.day().startBalance()).isEqualTo(m("100000"));
        g.onMarket(flat("98000", "97500"), server("2026.03.11 01:00:00", FTMO));
        assertThat(g.day()).isEqualTo(new DayAnchor(server("2026.03.11 01:00:00", FTMO), m("98000"), m("97500")));
        assertThat(g.floors().dayFloor()).isEqualTo(m("93000"));
    }

    @Test
    void compliance_view_shows_floors_and_headroom() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        assertThat(g.compliance(flat("99000", "98500"))).as("nothing to show before the first update").isNull();
        g.onMarket(flat("99000", "98500"), server("2026.03.10 15:00:00", FTMO));
        ComplianceView v = g.compliance(flat("99000", "98500"));
        assertThat(v.limits().get(0)).isEqualTo(new ComplianceView.Limit("daily loss", m("94000"), m("95000"),
                m("4500"), new java.math.BigDecimal("4.5000")));
        assertThat(v.limits().get(1).headroom()).isEqualTo(m("8500"));
        assertThat(v.nextReset()).isEqualTo(server("2026.03.11 01:00:00", FTMO));
        assertThat(v.status().state()).isEqualTo(EngineState.ACTIVE);
    }

    @Test
    void trailing_max_loss_follows_the_highest_end_of_day_balance_and_never_falls() {
        Governance g = new Governance(FTMO_1STEP, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        g.onMarket(flat("100000", "100000"), server("2026.03.10 15:00:00", FTMO_1STEP));
        g.onMarket(flat("104000", "106000"), server("2026.03.10 22:00:00", FTMO_1STEP));
        assertThat(g.peak()).as("intraday equity does not move an end-of-day trail").isEqualTo(m("100000"));
        g.onMarket(flat("104000", "104500"), server("2026.03.11 01:00:00", FTMO_1STEP));
        assertThat(g.peak()).isEqualTo(m("104000"));
        assertThat(g.floors().maxFloor()).isEqualTo(m("94000"));
        g.onMarket(flat("101000", "101000"), server("2026.03.12 01:00:00", FTMO_1STEP));
        assertThat(g.peak()).as("only moves up").isEqualTo(m("104000"));
        assertThat(g.floors().bufferedMaxFloor()).isEqualTo(m("95000"));
    }

    @Test
    void reading_compliance_across_the_day_reset_changes_nothing() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        Instant t = server("2026.03.10 15:00:00", FTMO);
        g.onMarket(flat("100000", "100000"), t);
        g.onMarket(new AccountView(m("100000"), m("95250"), List.of(eurusd(7, 5.0, 1.08000, 1.09050))), t.plusSeconds(60));
        assertThat(g.status().state()).isEqualTo(EngineState.HALTED);
        ComplianceView read = g.compliance(flat("95250", "95250"));
        assertThat(read.status().state()).as("a read after the reset, before the next update").isEqualTo(EngineState.HALTED);
        assertThat(g.status().state()).isEqualTo(EngineState.HALTED);
        assertThat(g.day().start()).isEqualTo(server("2026.03.10 01:00:00", FTMO));
        g.onMarket(flat("95250", "95250"), server("2026.03.11 01:00:05", FTMO));
        assertThat(g.status().state()).as("only the loop's update rolls the day").isEqualTo(EngineState.ACTIVE);
    }

    @Test
    void breach_imminent_flattens_halts_and_survives_a_restart(@TempDir Path dir) {
        Path file = dir.resolve("gov.db");
        Instant t = server("2026.03.10 15:00:00", FTMO);
        DayAnchor anchor;
        try (SqliteGovernorStore store = new SqliteGovernorStore(file, "1234")) {
            Governance g = new Governance(FTMO, store, MarketCalendar.NONE, Instant.EPOCH);
            g.onMarket(flat("100000", "100000"), t);
            // equity 95250: 250 above the firm's day floor 95000 = flattenHeadroomPct 0.25%
            AccountView falling = new AccountView(m("100000"), m("95250"), List.of(eurusd(7, 5.0, 1.08000, 1.09050)));
            MarketAction action = g.onMarket(falling, t.plusSeconds(60));
            assertThat(action.kind()).isEqualTo(MarketAction.Kind.FLATTEN);
            assertThat(action.reason()).isEqualTo(ReasonCode.DAILY_LOSS_IMMINENT);
            assertThat(action.tickets()).containsExactly(7L);
            assertThat(g.status().state()).isEqualTo(EngineState.HALTED);
            anchor = g.day();
        } // the store is closed: the process is gone
        try (SqliteGovernorStore reopened = new SqliteGovernorStore(file, "1234")) {
            Governance restarted = new Governance(FTMO, reopened, MarketCalendar.NONE, t.plusSeconds(120));
            assertThat(restarted.status().state()).isEqualTo(EngineState.HALTED);
            assertThat(restarted.status().reason()).isEqualTo(ReasonCode.DAILY_LOSS_IMMINENT);
            assertThat(restarted.day()).isEqualTo(anchor);
            assertThat(restarted.check(buy("k1", 0.1), flat("95250", "95250"), t.plusSeconds(180)).reason())
                    .isEqualTo(ReasonCode.ENGINE_HALTED);
            // a new day lifts a daily halt
            restarted.onMarket(flat("95250", "95250"), server("2026.03.11 01:00:00", FTMO));
            assertThat(restarted.status().state()).isEqualTo(EngineState.ACTIVE);
            assertThat(restarted.status().reason()).isEqualTo(ReasonCode.DAY_RESET);
        }
    }

    @Test
    void operator_resume_is_refused_on_the_day_of_a_daily_floor_halt_and_allowed_after_the_reset() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        Instant t = server("2026.03.10 15:00:00", FTMO);
        g.onMarket(flat("100000", "100000"), t);
        g.onMarket(new AccountView(m("100000"), m("95250"), List.of(eurusd(7, 5.0, 1.08000, 1.09050))), t.plusSeconds(60));
        AccountView flatAfter = flat("95250", "95250");
        assertThat(g.resumeRefusal(flatAfter, t.plusSeconds(120), false)).get()
                .extracting(Governance.Refusal::rule).isEqualTo("DAILY_LOSS");
        assertThat(g.resumeRefusal(flatAfter, server("2026.03.11 01:00:00", FTMO), false)).isEmpty();
    }

    @Test
    void operator_resume_after_the_overall_floor_needs_an_acknowledgement_and_equity_above_the_floor() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        Instant t = server("2026.03.10 15:00:00", FTMO);
        g.onMarket(flat("90200", "90200"), t);
        assertThat(g.status().reason()).isEqualTo(ReasonCode.MAX_LOSS_IMMINENT);
        assertThat(g.resumeRefusal(flat("90200", "90200"), t.plusSeconds(60), false)).get()
                .extracting(Governance.Refusal::rule).isEqualTo("MAX_LOSS");
        assertThat(g.resumeRefusal(flat("90200", "90200"), t.plusSeconds(60), true)).as("still at the floor").get()
                .extracting(Governance.Refusal::rule).isEqualTo("MAX_LOSS_IMMINENT");
        assertThat(g.resumeRefusal(flat("92000", "92000"), t.plusSeconds(60), true)).as("a deposit lifted equity")
                .isEmpty();
    }

    @Test
    void operator_resume_of_an_active_engine_is_refused() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        g.onMarket(flat("100000", "100000"), server("2026.03.10 15:00:00", FTMO));
        assertThat(g.resumeRefusal(flat("100000", "100000"), server("2026.03.10 15:01:00", FTMO), false)).get()
                .extracting(Governance.Refusal::rule).isEqualTo("NOT_HALTED");
    }

    @Test
    void overall_floor_halt_is_not_lifted_by_a_new_day_only_by_an_operator() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        g.onMarket(flat("90200", "90200"), server("2026.03.10 15:00:00", FTMO));
        assertThat(g.status().state()).isEqualTo(EngineState.HALTED);
        assertThat(g.status().reason()).isEqualTo(ReasonCode.MAX_LOSS_IMMINENT);
        g.onMarket(flat("90200", "90200"), server("2026.03.11 01:00:00", FTMO));
        assertThat(g.status().state()).isEqualTo(EngineState.HALTED);
        g.resume("checked by hand", server("2026.03.11 09:00:00", FTMO));
        assertThat(g.status()).extracting(EngineStatus::state, EngineStatus::reason)
                .containsExactly(EngineState.ACTIVE, ReasonCode.OPERATOR);
    }

    @Test
    void nearing_the_floor_goes_reducing_and_closes_the_riskiest_position() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        Instant t = server("2026.03.10 15:00:00", FTMO);
        g.onMarket(flat("100000", "100000"), t);
        AccountView near = new AccountView(m("100000"), m("95400"),
                List.of(eurusd(1, 0.5, 1.09500, 1.09800), eurusd(2, 2.0, 1.09000, 1.09800)));
        MarketAction action = g.onMarket(near, t.plusSeconds(1));
        assertThat(action.kind()).isEqualTo(MarketAction.Kind.REDUCE);
        assertThat(action.tickets()).containsExactly(2L);
        assertThat(g.status().state()).isEqualTo(EngineState.REDUCING);
        assertThat(g.check(buy("k2", 0.1), near, t.plusSeconds(2)).reason()).isEqualTo(ReasonCode.ENGINE_REDUCING);
        assertThat(g.check(OrderIntent.close("c2", 2, 0), near, t.plusSeconds(2)).allowed()).isTrue();
    }

    @Test
    void weekend_flattens_15_minutes_before_friday_close_without_halting() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        AccountView open = new AccountView(m("100000"), m("100000"), List.of(eurusd(3, 0.5, 1.09500, 1.10000)));
        assertThat(g.onMarket(open, server("2026.03.13 22:44:59", FTMO)).kind()).isEqualTo(MarketAction.Kind.NONE);
        MarketAction a = g.onMarket(open, server("2026.03.13 22:45:00", FTMO));
        assertThat(a.kind()).isEqualTo(MarketAction.Kind.FLATTEN);
        assertThat(a.reason()).isEqualTo(ReasonCode.WEEKEND);
        assertThat(g.status().state()).isEqualTo(EngineState.ACTIVE);
    }

    @Test
    void positions_are_closed_before_a_news_window_where_stops_count() {
        Instant news = server("2026.03.10 15:10:00", FTMO);
        MarketCalendar calendar = new MarketCalendar() {
            @Override
            public List<NewsEvent> news(Instant from, Instant to) {
                NewsEvent e = new NewsEvent(news, "USD", Impact.HIGH, List.of());
                return news.isBefore(from) || news.isAfter(to) ? List.of() : List.of(e);
            }

            @Override
            public List<MarketBreak> breaks(Instant from, Instant to) {
                return List.of();
            }
        };
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), calendar, Instant.EPOCH);
        AccountView open = new AccountView(m("100000"), m("100000"), List.of(eurusd(4, 0.5, 1.09500, 1.10000)));
        // window 15:08:00..15:12:00, pre-close from 15:03:00
        assertThat(g.onMarket(open, server("2026.03.10 15:02:59", FTMO)).kind()).isEqualTo(MarketAction.Kind.NONE);
        MarketAction a = g.onMarket(open, server("2026.03.10 15:03:00", FTMO));
        assertThat(a.kind()).isEqualTo(MarketAction.Kind.CLOSE_POSITIONS);
        assertThat(a.tickets()).containsExactly(4L);
        assertThat(g.onMarket(open, server("2026.03.10 15:08:00", FTMO)).kind())
                .as("inside the window closing is trading too: hold").isEqualTo(MarketAction.Kind.NONE);
    }

    @Test
    void duplicate_key_and_rate_are_tracked_from_allowed_orders() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        Instant t = server("2026.03.10 15:00:00", FTMO);
        AccountView a = flat("100000", "100000");
        assertThat(g.check(buy("same", 0.1), a, t).allowed()).isTrue();
        assertThat(g.check(buy("same", 0.1), a, t.plusSeconds(5)).reason()).isEqualTo(ReasonCode.DUPLICATE_ORDER);
        for (int i = 0; i < 5; i++) {
            assertThat(g.check(buy("k" + i, 0.1), a, t.plusSeconds(10 + i)).allowed()).isTrue();
        }
        assertThat(g.check(buy("k9", 0.1), a, t.plusSeconds(20)).reason()).isEqualTo(ReasonCode.ORDER_RATE);
        assertThat(g.check(buy("k9", 0.1), a, t.plusSeconds(61)).allowed()).isTrue();
    }

    @Test
    void trading_days_count_days_with_an_opened_trade_per_firm_day() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        g.onPositionOpened(server("2026.03.10 09:00:00", FTMO));
        g.onPositionOpened(server("2026.03.10 23:00:00", FTMO));
        assertThat(g.tradingDays()).isEqualTo(1);
        g.onPositionOpened(server("2026.03.11 00:30:00", FTMO)); // still 10 March in Prague
        assertThat(g.tradingDays()).isEqualTo(1);
        g.onPositionOpened(server("2026.03.11 01:00:00", FTMO));
        assertThat(g.tradingDays()).isEqualTo(2);
        assertThat(g.tradingDaysRemaining()).isEqualTo(2);
    }

    @Test
    void the5ers_counts_only_days_with_half_a_percent_closed_profit() {
        Governance g = new Governance(THE5ERS, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        g.onMarket(flat("100000", "100000"), server("2026.03.10 10:00:00", THE5ERS));
        g.onPositionClosed(m("499.99"), server("2026.03.10 12:00:00", THE5ERS));
        g.onMarket(flat("100499.99", "100499.99"), server("2026.03.11 00:00:00", THE5ERS));
        assertThat(g.tradingDays()).isZero();
        g.onPositionClosed(m("500.00"), server("2026.03.11 12:00:00", THE5ERS));
        g.onMarket(flat("100999.99", "100999.99"), server("2026.03.12 00:00:01", THE5ERS));
        assertThat(g.tradingDays()).isEqualTo(1);
    }

    @Test
    void loss_streak_halves_the_size_and_a_win_restores_it() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        Instant t = server("2026.03.10 15:00:00", FTMO);
        AccountView a = flat("100000", "100000");
        for (int i = 0; i < 3; i++) {
            g.onPositionClosed(m("-10"), t);
        }
        assertThat(g.sizeFactor(a, t)).isEqualByComparingTo("0.5");
        g.onPositionClosed(m("5"), t);
        assertThat(g.sizeFactor(a, t)).isEqualByComparingTo("1");
    }

    @Test
    void inactivity_clock_starts_at_the_first_sighting_restarts_on_every_fill_and_survives_a_restart(@TempDir Path dir) {
        Path file = dir.resolve("gov.db");
        Instant seen = server("2026.03.10 15:00:00", FTMO);
        try (SqliteGovernorStore store = new SqliteGovernorStore(file, "1234")) {
            Governance g = new Governance(FTMO, store, MarketCalendar.NONE, seen);
            assertThat(g.inactivityDaysLeft(seen)).as("no account seen yet").isEqualTo(Integer.MAX_VALUE);
            g.onMarket(flat("100000", "100000"), seen);
            assertThat(g.inactivityDaysLeft(seen)).isEqualTo(30);
            assertThat(g.inactivityDaysLeft(server("2026.03.11 00:59:59", FTMO))).as("still 10 March in Prague")
                    .isEqualTo(30);
            assertThat(g.inactivityDaysLeft(server("2026.03.11 01:00:00", FTMO))).as("the firm's next calendar day")
                    .isEqualTo(29);
            assertThat(g.inactivityDaysLeft(seen.plus(java.time.Duration.ofDays(26)))).isEqualTo(4);
            assertThat(g.inactivityDaysLeft(server("2026.03.29 15:00:00", FTMO)))
                    .as("a 23-hour day (Prague springs forward on 29 March) is one calendar day").isEqualTo(11);
            assertThat(g.lastFill()).as("no trade yet").isNull();
            assertThat(g.inactivityDaysLeft(seen.plus(java.time.Duration.ofDays(31)))).isEqualTo(-1);
            Instant opened = seen.plus(java.time.Duration.ofDays(20));
            g.onPositionOpened(opened);
            assertThat(g.lastTrade()).isEqualTo(opened);
            assertThat(g.lastFill()).isEqualTo(opened);
            Instant closed = opened.plus(java.time.Duration.ofDays(2));
            g.onPositionClosed(m("-10"), closed);
            assertThat(g.inactivityDaysLeft(closed)).isEqualTo(30);
        }
        try (SqliteGovernorStore store = new SqliteGovernorStore(file, "1234")) {
            Governance restarted = new Governance(FTMO, store, MarketCalendar.NONE, seen);
            assertThat(restarted.lastTrade()).isEqualTo(seen.plus(java.time.Duration.ofDays(22)));
            assertThat(restarted.lastFill()).isEqualTo(seen.plus(java.time.Duration.ofDays(22)));
        }
    }

    @Test
    void a_state_file_from_before_the_inactivity_watch_is_upgraded_and_keeps_its_halt(@TempDir Path dir) {
        Path file = dir.resolve("old.db");
        org.jdbi.v3.core.Jdbi.create("jdbc:sqlite:" + file).useHandle(h -> {
            h.execute("""
                    CREATE TABLE governor_state (
                      account TEXT PRIMARY KEY,
                      state TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL, since_ms INTEGER NOT NULL,
                      day_start_ms INTEGER, day_start_balance_cents INTEGER, day_start_equity_cents INTEGER,
                      peak_cents INTEGER NOT NULL, consecutive_losses INTEGER NOT NULL,
                      closed_profit_today_cents INTEGER NOT NULL, trading_days INTEGER NOT NULL,
                      last_trading_day_ms INTEGER)""");
            h.execute("INSERT INTO governor_state VALUES ('1234', 'HALTED', 'OPERATOR', 'by hand', 0, NULL, NULL, NULL,"
                    + " 10000000, 0, 0, 3, NULL)");
        });
        Instant now = server("2026.03.10 15:00:00", FTMO);
        try (SqliteGovernorStore store = new SqliteGovernorStore(file, "1234")) {
            Governance g = new Governance(FTMO, store, MarketCalendar.NONE, now);
            assertThat(g.status().state()).isEqualTo(EngineState.HALTED);
            assertThat(g.tradingDays()).isEqualTo(3);
            assertThat(g.lastTrade()).as("unknown in the old file").isNull();
            g.onMarket(flat("100000", "100000"), now);
            assertThat(g.inactivityDaysLeft(now)).as("the clock starts when the upgraded host first sees the account")
                    .isEqualTo(30);
        }
    }

    @Test
    void a_target_banked_before_the_minimum_days_allows_one_small_trade_a_day_that_cannot_give_it_back() {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        Instant day1 = server("2026.03.10 15:00:00", FTMO);
        g.onMarket(flat("100000", "100000"), day1);
        g.onPositionOpened(day1);
        g.onPositionClosed(m("10500"), day1.plusSeconds(60)); // target (10%) + 500.00 on the first trading day
        Instant day2 = server("2026.03.11 15:00:00", FTMO);
        AccountView banked = flat("110500", "110500");

        // 0.05% of 100,000 = 50.00; the 500.00 margin would allow (500 - 0.01) / 1.5 = 333.33 with the gap allowance.
        assertThat(g.dayQualifyingRisk(banked, day2)).contains(m("50.00"));
        assertThat(g.check(buy("dq-1", 0.06), banked, day2).reason()).isEqualTo(ReasonCode.PROFIT_TARGET_REACHED);
        assertThat(g.check(buy("dq-2", 0.05), banked, day2).allowed()).isTrue(); // 1,000 points × 0.05 = 50.00
        g.onPositionOpened(day2);
        g.onPositionClosed(m("-50"), day2.plusSeconds(60));
        AccountView after = flat("110450", "110450");
        assertThat(g.dayQualifyingRisk(after, day2.plusSeconds(120))).as("one a day").isEmpty();
        assertThat(g.check(buy("dq-3", 0.05), after, day2.plusSeconds(120)).detail()).contains("already opened");
        assertThat(g.tradingDays()).isEqualTo(2);

        Instant day3 = server("2026.03.12 15:00:00", FTMO);
        assertThat(g.dayQualifyingRisk(after, day3)).contains(m("50.00"));
        // A margin of 60.00 above the target caps the risk at (60.00 - 0.01) / 1.5 = 39.99.
        assertThat(g.dayQualifyingRisk(flat("110060", "110060"), day3)).contains(m("39.99"));
        assertThat(g.check(buy("dq-4", 0.05), flat("110060", "110060"), day3).detail()).contains("give back the target");
    }

    @Test
    void aTickAndItsCandidate_readTheGovernorsStateOnce_untilAnOrderIsSentOrTimeMoves() {
        int[] reads = {0}; // each computation of the governors' input reads the calendar once
        MarketCalendar counting = new MarketCalendar() {
            @Override
            public List<NewsEvent> news(Instant from, Instant to) {
                reads[0]++;
                return List.of();
            }

            @Override
            public List<MarketBreak> breaks(Instant from, Instant to) {
                return List.of();
            }
        };
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), counting, Instant.EPOCH);
        AccountView view = flat("100000", "100000");
        Instant tick = server("2026.03.10 15:00:00", FTMO);

        // the tick's market update, then its candidate's size factor, qualifying-day cap and order check,
        // each given the tick's time as a new Instant (as the loop converts it for each call)
        g.onMarket(view, tick);
        g.sizeFactor(view, Instant.ofEpochMilli(tick.toEpochMilli()));
        g.dayQualifyingRisk(view, Instant.ofEpochMilli(tick.toEpochMilli()));
        assertThat(g.check(buy("once", 0.1), view, Instant.ofEpochMilli(tick.toEpochMilli())).allowed()).isTrue();
        assertThat(reads[0]).as("one input for the tick and its candidate").isEqualTo(1);

        // the sent order is state the next check must see; the next tick is another instant
        g.check(buy("twice", 0.1), view, tick);
        g.onMarket(view, tick.plusSeconds(1));
        assertThat(reads[0]).isEqualTo(3);
    }
}
