package com.vproptrader.host.macro.calendar;

import com.vproptrader.host.govern.Governance;
import com.vproptrader.host.govern.GovernorStore;
import com.vproptrader.host.govern.ReasonCode;
import com.vproptrader.host.govern.Verdict;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.calendar.NewsEvent;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.order.OpenPosition;
import com.vproptrader.host.govern.order.OrderIntent;
import com.vproptrader.host.govern.pack.CalendarFailSafe;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.macro.LocalHttpServer.Answer;
import com.vproptrader.host.macro.LocalHttpServer;
import com.vproptrader.host.risk.Money;
import com.vproptrader.host.time.ServerTimes;
import com.vproptrader.proto.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.vproptrader.host.macro.LocalHttpServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

class EconomicCalendarTest {
    private static final RulePack FTMO = RulePackLoader.bundled("ftmo-2step"); // ±120 s, stops count, 300 s pre-close
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant NFP = Instant.parse("2024-03-08T13:30:00Z"); // 08:30 New York, EST (-05:00)
    private static final Instant CPI = Instant.parse("2024-03-12T12:30:00Z"); // 08:30 New York, EDT (-04:00)
    private static final AccountView FLAT = new AccountView(money("100000"), money("100000"), List.of());

    private final AtomicInteger keys = new AtomicInteger();

    @TempDir
    Path dir;

    private static Money money(String amount) {
        return Money.of(new BigDecimal(amount), RoundingMode.UNNECESSARY);
    }

    private URI fixture(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, resource("calendar/" + name));
        return file.toUri();
    }

    private EconomicCalendar twoWeeksAcrossUsDst(MutableClock wall) throws Exception {
        EconomicCalendar calendar = new EconomicCalendar(List.of(fixture("ff-2024-03-03.json"), fixture("ff-2024-03-10.json")),
                null, CurrencyMap.defaults(), NEW_YORK, Duration.ofHours(6), wall, MarketCalendar.NONE);
        assertThat(calendar.refresh()).isTrue();
        return calendar;
    }

    private Verdict open(Governance g, String symbol, Instant at) {
        return g.check(OrderIntent.open("k" + keys.incrementAndGet(), symbol, Side.BUY, 0.1, 1.10000, 1.09000, 1.11500,
                0.00001, 1.0), FLAT, at);
    }

    private static boolean embargoed(Verdict v) {
        return !v.allowed() && v.reason() == ReasonCode.NEWS_EMBARGO;
    }

    @Test
    void importsReleasesWithTheirZoneSkipsHolidaysAndSetsAsideUnreadableRows() throws Exception {
        EconomicCalendar calendar = twoWeeksAcrossUsDst(new MutableClock(Instant.parse("2024-03-06T00:00:00Z")));

        List<NewsEvent> all = calendar.news(Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-20T00:00:00Z"));
        assertThat(all).hasSize(8); // 6 + 4 rows, one holiday skipped, one unreadable
        assertThat(all).extracting(NewsEvent::time).contains(NFP, CPI);
        assertThat(calendar.rejected()).singleElement().asString().contains("March 8th");
    }

    @Test
    void explicitSymbolMapPutsUsIndicesAndGoldUnderUsdNewsButNotTheDax() throws Exception {
        EconomicCalendar calendar = twoWeeksAcrossUsDst(new MutableClock(CPI));
        NewsEvent cpi = calendar.news(CPI, CPI).get(0);

        assertThat(cpi.affects("US30")).isTrue();
        assertThat(cpi.affects("XAUUSD")).isTrue();
        assertThat(cpi.affects("EURUSD")).isTrue();
        assertThat(cpi.affects("GER40")).isFalse();
        NewsEvent g20 = calendar.news(Instant.parse("2024-03-15T13:00:00Z"), Instant.parse("2024-03-15T13:00:00Z")).get(0);
        assertThat(g20.affects("GER40")).as("'All' concerns every mapped symbol").isTrue();
    }

    @Test
    void openingIsRefusedFromPreCloseBeforeToTheWindowsEndBothEdgesIncluded() throws Exception {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), twoWeeksAcrossUsDst(new MutableClock(NFP)), NFP);
        int lead = FTMO.news().beforeSec() + FTMO.news().preCloseSec(); // 420 s: stops count in the window

        assertThat(open(g, "US30", NFP.minusSeconds(lead + 1)).allowed()).isTrue();
        assertThat(embargoed(open(g, "US30", NFP.minusSeconds(lead)))).isTrue();
        assertThat(embargoed(open(g, "US30", NFP.plusSeconds(FTMO.news().afterSec())))).isTrue();
        assertThat(open(g, "US30", NFP.plusSeconds(FTMO.news().afterSec() + 1)).allowed()).isTrue();
        assertThat(open(g, "GER40", NFP).allowed()).as("no EUR release at NFP").isTrue();
    }

    @Test
    void theWindowFollowsNewYorkTimeAcrossTheDaylightSavingChange() throws Exception {
        Governance g = new Governance(FTMO, GovernorStore.inMemory(), twoWeeksAcrossUsDst(new MutableClock(CPI)), NFP);

        // 08:30 New York was 13:30 UTC before 10 March and 12:30 UTC after it; Europe changes three weeks later,
        // so the MT5 server clock (EET) shows CPI at 14:30 instead of the usual 15:30.
        assertThat(ServerTimes.format(CPI, FTMO.serverTimeZone())).isEqualTo("2024.03.12 14:30:00");
        assertThat(embargoed(open(g, "EURUSD", NFP))).isTrue();
        assertThat(embargoed(open(g, "EURUSD", CPI))).isTrue();
        assertThat(open(g, "EURUSD", CPI.plusSeconds(3600))).as("a fixed -05:00 offset would put CPI here").matches(Verdict::allowed);
    }

    @Test
    void outsideTheWeeksTheExportsCoverTheCalendarIsAFault() throws Exception {
        EconomicCalendar calendar = twoWeeksAcrossUsDst(new MutableClock(CPI));
        Instant coverEnd = Instant.parse("2024-03-17T04:00:00Z"); // Sunday 00:00 New York (EDT)

        assertThat(calendar.fault(coverEnd.minusSeconds(1))).isEmpty();
        assertThat(calendar.fault(coverEnd)).get().asString().contains("covers");
        assertThat(calendar.fault(Instant.parse("2024-03-03T04:59:59Z"))).isPresent(); // before Sunday 00:00 EST
        assertThat(calendar.fault(Instant.parse("2024-03-03T05:00:00Z"))).isEmpty();
    }

    @Test
    void aCalendarThatFailsToRefreshIsTrustedUntilMaxAgeThenEveryOrderIsEmbargoed() throws Exception {
        try (LocalHttpServer ff = new LocalHttpServer()) {
            ff.answer("/ff_calendar_thisweek.json", Answer.ok("application/json", resource("calendar/ff-2024-03-10.json")),
                    new Answer(503, "text/html", "<html>down</html>", Map.of()));
            MutableClock wall = new MutableClock(Instant.parse("2024-03-11T00:00:00Z"));
            EconomicCalendar calendar = new EconomicCalendar(List.of(ff.uri().resolve("/ff_calendar_thisweek.json")),
                    dir.resolve("cache"), CurrencyMap.defaults(), NEW_YORK, Duration.ofHours(6), wall, MarketCalendar.NONE);
            Instant quiet = Instant.parse("2024-03-13T15:00:00Z"); // no release near
            assertThat(calendar.refresh()).isTrue();
            Governance g = new Governance(FTMO, GovernorStore.inMemory(), calendar, quiet);

            wall.advance(Duration.ofHours(1));
            assertThat(calendar.refresh()).isFalse();
            wall.advance(Duration.ofHours(5));
            assertThat(open(g, "EURUSD", quiet).allowed()).as("6 h old: still trusted").isTrue();

            wall.advance(Duration.ofMinutes(1));
            Verdict v = open(g, "EURUSD", quiet.plusSeconds(60));
            assertThat(embargoed(v)).isTrue();
            assertThat(v.detail()).contains("economic calendar unavailable").contains("refresh failing");

            EconomicCalendar restarted = new EconomicCalendar(List.of(URI.create("http://127.0.0.1:9/unreachable.json")),
                    dir.resolve("cache"), CurrencyMap.defaults(), NEW_YORK, Duration.ofHours(6), wall, MarketCalendar.NONE);
            assertThat(restarted.news(CPI, CPI)).as("last good import kept on disk").hasSize(1);
        }
    }

    @Test
    void blockFailSafeRefusesNewPositionsButLetsAPositionBeClosedEvenWithoutANewsRule() throws Exception {
        String json = RulePackLoader.text("ftmo-2step").replace("\"newsEmbargo\": true",
                "\"newsEmbargo\": false,\n  \"newsCalendarFailSafe\": \"BLOCK\"");
        RulePack pack = RulePackLoader.parse("ftmo-2step", json);
        assertThat(pack.news().calendarFailSafe()).isEqualTo(CalendarFailSafe.BLOCK);
        EconomicCalendar neverLoaded = new EconomicCalendar(List.of(URI.create("http://127.0.0.1:9/unreachable.json")),
                null, CurrencyMap.defaults(), NEW_YORK, Duration.ofHours(6), new MutableClock(CPI), MarketCalendar.NONE);
        assertThat(neverLoaded.refresh()).isFalse();
        Governance g = new Governance(pack, GovernorStore.inMemory(), neverLoaded, CPI);
        Instant quiet = Instant.parse("2024-03-13T15:00:00Z");
        AccountView holding = new AccountView(money("100000"), money("100000"), List.of(
                new OpenPosition(7, "EURUSD", Side.BUY, 0.1, 1.10000, 1.09000, 0, 1.10010, 0.00001, 1.0)));

        Verdict opening = g.check(OrderIntent.open("o1", "EURUSD", Side.BUY, 0.1, 1.1, 1.09, 1.115, 0.00001, 1.0), holding, quiet);
        Verdict closing = g.check(OrderIntent.close("c1", 7, 0.1), holding, quiet);

        assertThat(embargoed(opening)).isTrue();
        assertThat(opening.detail()).contains("never loaded").contains("no new positions");
        assertThat(closing.allowed()).isTrue();
    }
}
