package com.vproptrader.host.govern;

import com.vproptrader.host.feature.SessionClock;
import com.vproptrader.host.feature.TradingSession;
import com.vproptrader.host.feed.Timeframes;
import com.vproptrader.host.govern.calendar.Impact;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.calendar.NewsEvent;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.order.OpenPosition;
import com.vproptrader.host.govern.order.OrderIntent;
import com.vproptrader.host.govern.pack.NewsRule;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.risk.Money;
import com.vproptrader.host.time.ServerClock;
import com.vproptrader.host.time.ServerTimes;
import com.vproptrader.proto.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weeks when US and EU summer time disagree (in 2026: 8–29 March and 25 October–1 November). FTMO's server
 * runs GMT+2/+3 on the EU dates; a clock on the US dates would put every session, bar, reset, news window and
 * weekend an hour off. Each reads the one server clock the rule pack names.
 */
class ServerTimeMismatchWeeksTest {
    private static final RulePack FTMO = RulePackLoader.bundled("ftmo-2step");
    private static final RulePack THE5ERS = RulePackLoader.bundled("the5ers-high-stakes");

    private static Instant server(String mt5, RulePack pack) {
        return ServerTimes.parse(mt5, pack.serverTimeZone());
    }

    private static long serverMs(String mt5, RulePack pack) {
        return pack.serverTimeZone().toServerMillis(server(mt5, pack));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026.03.10", "2026.10.27"})
    void ftmo_server_is_gmt_plus_2_while_new_york_close_servers_are_gmt_plus_3(String day) {
        Instant noonUtc = Instant.parse(day.replace('.', '-') + "T12:00:00Z");
        assertThat(FTMO.serverTimeZone()).isSameAs(ServerClock.EET_EU_DST);
        assertThat(ServerClock.EET_EU_DST.offsetAtUtc(noonUtc.toEpochMilli())).isEqualTo(2 * 3_600_000L);
        assertThat(THE5ERS.serverTimeZone().offsetAtUtc(noonUtc.toEpochMilli())).isEqualTo(3 * 3_600_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026.03.10", "2026.10.27"})
    void london_opens_at_server_10_00_on_an_eu_clock(String day) {
        // 10:00 GMT+2 is 08:00 UTC = 08:00 in London (on GMT in both weeks): London is open; an hour earlier it is not.
        SessionClock sessions = new SessionClock(FTMO.serverTimeZone());
        assertThat(sessions.sessionAt(serverMs(day + " 10:00:00", FTMO))).isEqualTo(TradingSession.LONDON);
        assertThat(sessions.sessionAt(serverMs(day + " 09:59:59", FTMO))).isNotEqualTo(TradingSession.LONDON);
        SessionClock usDates = new SessionClock(ServerClock.NY_CLOSE);
        assertThat(usDates.sessionAt(serverMs(day + " 10:00:00", FTMO))).as("the clock that drifts")
                .isNotEqualTo(TradingSession.LONDON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026.03.10", "2026.10.27"})
    void the_pack_session_rule_opens_london_at_server_10_00(String day) {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        AccountView flat = new AccountView(Money.ofCents(10_000_000), Money.ofCents(10_000_000), List.of());
        assertThat(g.check(buy("a"), flat, server(day + " 09:59:59", FTMO)).reason()).isEqualTo(ReasonCode.OUTSIDE_SESSION);
        assertThat(g.check(buy("b"), flat, server(day + " 10:00:00", FTMO)).allowed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026.03.10", "2026.10.27"})
    void daily_bars_open_at_server_midnight(String day) {
        long midnight = serverMs(day + " 00:00:00", FTMO);
        assertThat(Timeframes.openTime(serverMs(day + " 00:00:01", FTMO), Timeframes.DAY_MS)).isEqualTo(midnight);
        assertThat(Timeframes.openTime(midnight - 1, Timeframes.DAY_MS)).isEqualTo(midnight - Timeframes.DAY_MS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026.03.10", "2026.10.27"})
    void ftmo_day_resets_at_prague_midnight_which_is_server_01_00(String day) {
        assertThat(FTMO.dayReset().dayStart(server(day + " 01:00:00", FTMO))).isEqualTo(server(day + " 01:00:00", FTMO));
        assertThat(FTMO.dayReset().dayStart(server(day + " 00:59:59", FTMO)))
                .isEqualTo(server(day + " 01:00:00", FTMO).minusSeconds(86_400));
        assertThat(THE5ERS.dayReset().dayStart(server(day + " 00:00:00", THE5ERS))).as("The5ers: server midnight")
                .isEqualTo(server(day + " 00:00:00", THE5ERS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026.03.10", "2026.10.27"})
    void news_at_12_30_utc_embargoes_from_server_14_28(String day) {
        Instant release = Instant.parse(day.replace('.', '-') + "T12:30:00Z"); // 08:30 New York
        NewsEvent cpi = new NewsEvent(release, "USD", Impact.HIGH, List.of());
        NewsRule rule = FTMO.news();
        assertThat(NewsEmbargoGovernor.restricts(rule, cpi, "EURUSD", server(day + " 14:28:00", FTMO), 0)).isTrue();
        assertThat(NewsEmbargoGovernor.restricts(rule, cpi, "EURUSD", server(day + " 14:27:59", FTMO), 0)).isFalse();
        assertThat(NewsEmbargoGovernor.restricts(rule, cpi, "EURUSD", server(day + " 14:32:00", FTMO), 0)).isTrue();
        assertThat(NewsEmbargoGovernor.restricts(rule, cpi, "EURUSD", server(day + " 14:32:01", FTMO), 0)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026.03.13", "2026.10.30"})
    void weekend_flatten_starts_15_minutes_before_friday_17_00_new_york_which_is_server_23_00(String friday) {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        AccountView open = new AccountView(Money.ofCents(10_000_000), Money.ofCents(10_000_000),
                List.of(new OpenPosition(3, "EURUSD", Side.BUY, 0.5, 1.10000, 1.09500, 0, 1.10000, 0.00001, 1.0)));
        assertThat(g.onMarket(open, server(friday + " 22:44:59", FTMO)).kind()).isEqualTo(MarketAction.Kind.NONE);
        MarketAction flatten = g.onMarket(open, server(friday + " 22:45:00", FTMO));
        assertThat(flatten.kind()).isEqualTo(MarketAction.Kind.FLATTEN);
        assertThat(flatten.reason()).isEqualTo(ReasonCode.WEEKEND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026.03.10", "2026.10.27"})
    void inactivity_counts_the_firms_days_from_the_reset_at_server_01_00(String day) {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), MarketCalendar.NONE, Instant.EPOCH);
        AccountView flat = new AccountView(Money.ofCents(10_000_000), Money.ofCents(10_000_000), List.of());
        g.onMarket(flat, server(day + " 12:00:00", FTMO));
        Instant nextReset = FTMO.dayReset().nextReset(server(day + " 12:00:00", FTMO));
        assertThat(g.inactivityDaysLeft(nextReset.minusSeconds(1))).isEqualTo(30);
        assertThat(g.inactivityDaysLeft(nextReset)).isEqualTo(29);
        assertThat(ServerTimes.format(nextReset, FTMO.serverTimeZone())).endsWith(" 01:00:00");
    }

    private static OrderIntent buy(String key) {
        return OrderIntent.open(key, "EURUSD", Side.BUY, 0.1, 1.10000, 1.09900, 1.10200, 0.00001, 1.0);
    }
}
