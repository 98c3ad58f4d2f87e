package com.vproptrader.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.ComplianceEventKind;
import com.vproptrader.ui.browser.Browser;
import com.vproptrader.ui.browser.LoginPage;
import com.vproptrader.ui.fixture.Logins;
import com.vproptrader.ui.browser.CompliancePage;
import com.vproptrader.ui.fixture.FakeAdminService;
import org.junit.jupiter.api.Test;

/**
 * The Compliance page in a real browser against a stand-in AdminService whose FTMO-shaped rules follow a
 * moving equity: rule pack, headroom cards, engine state, trading day, the challenge navigator's forecast and
 * risk curve, and the event list appear, then follow
 * the feed as the equity falls towards the daily floor, the engine reduces and halts, and vetoes and
 * actions arrive.
 */
class CompliancePageOnFakeAdminBrowserTest {

    @Test
    void compliancePageShowsRulesHeadroomEngineStateAndEvents_andFollowsABreachLive() throws Exception {
        Browser.assumeAvailable();
        try (FakeAdminService admin = FakeAdminService.start(0, 100);
             UiServer ui = UiServer.start(Logins.ui(admin.target()));
             Browser browser = Browser.open()) {
                 new LoginPage(browser.driver(), "http://127.0.0.1:" + ui.port()).open().login(Logins.OPERATOR, Logins.PASSWORD);
            CompliancePage page = new CompliancePage(browser.driver(), "http://127.0.0.1:" + ui.port()).open().awaitRules(5);

            // the pack and the engine
            assertThat(page.rulePack()).isEqualTo("ftmo-2step");
            assertThat(page.firmProgram()).isEqualTo("FTMO Challenge 2-Step");
            assertThat(page.phase()).isEqualTo("CHALLENGE");
            assertThat(page.engineState()).isEqualTo("ACTIVE");
            assertThat(page.engineReason()).isEqualTo("DAY_RESET");
            assertThat(page.engineSince()).startsWith("since ").contains("UTC");

            // one card per rule, in the host's order, with limit, current and headroom in money and %
            assertThat(page.ruleNames()).containsExactly("daily_loss", "max_loss", "profit_target", "open_risk", "open_positions",
                    "inactivity");
            CompliancePage.RuleCard daily = page.rule("daily_loss");
            assertThat(daily.limit()).isEqualTo("96,000.00");
            assertThat(daily.headroom()).matches("[0-9],[0-9]{3}\\.[0-9]{2} USD");
            assertThat(daily.headroomPct()).matches("[0-9]\\.[0-9]{2}% of initial");
            assertThat(daily.status()).isEqualTo("OK");
            assertThat(daily.tone()).isEqualTo("GOOD");
            assertThat(daily.barDrawn()).isTrue();
            assertThat(daily.description()).contains("day-start balance");
            assertThat(page.rule("max_loss").limit()).isEqualTo("91,000.00");
            assertThat(page.rule("profit_target").status()).isEqualTo("IN PROGRESS");
            CompliancePage.RuleCard positions = page.rule("open_positions");
            assertThat(positions.limit()).isEqualTo("5");
            assertThat(positions.current()).isEqualTo("1");
            assertThat(positions.headroom()).isEqualTo("4");
            CompliancePage.RuleCard idle = page.rule("inactivity");
            assertThat(idle.limit()).isEqualTo("30");
            assertThat(idle.current()).isEqualTo("26");
            assertThat(idle.headroom()).isEqualTo("4");
            assertThat(idle.headroomPct()).isEqualTo("left");
            assertThat(idle.status()).as("26 of 30 days used").isEqualTo("NEAR LIMIT");

            // the trading day, in broker server time, and the events with their reason codes
            assertThat(page.anchorBalance()).isEqualTo("100,000.00 USD");
            assertThat(page.dayStart()).matches("\\d{4}-\\d\\d-\\d\\d 00:00:00");
            assertThat(page.nextReset()).matches("\\d{4}-\\d\\d-\\d\\d 00:00:00");
            assertThat(page.dayPanelText()).containsIgnoringCase("broker server time").contains("Day started", "Next reset");
            assertThat(page.resetZone()).isEqualTo("Europe/Prague");
            assertThat(page.tradingDays()).isEqualTo("2 / 4");
            assertThat(page.eventCells()).contains("veto", "NEWS_EMBARGO", "EURUSD", "state", "DAY_RESET", "warning",
                    "INACTIVITY");
            assertThat(page.eventCounts()).isEqualTo("1 vetoes · 0 actions · 1 state changes · 1 warnings · 0 operator actions");
            // the challenge navigator: pass probability with its interval, the likeliest end, days, the risk curve
            page.awaitNavigator();
            assertThat(page.navigatorPass()).isEqualTo("61.1% (60.1–62.0%)");
            assertThat(page.navigatorFailure()).isEqualTo("MAX_LOSS · 30.2% (29.3–31.1%)");
            assertThat(page.navigatorDays()).isEqualTo("20.8 trading days (20.5–21.1) · median 19, 9 in 10 by 35");
            assertThat(page.navigatorRisk()).isEqualTo("simulated 1.00% · sizer cap 1.00%");
            assertThat(page.navigatorAdvice()).isEqualTo("0.75% per trade maximises the pass probability");
            assertThat(page.navigatorBasis()).contains("10,000 paths, seed 19", "180 closed trades over 60 days",
                    "after closed trade");
            assertThat(page.riskCurvePoints()).isEqualTo(4);
            assertThat(page.advisedPoint()).isEqualTo("0.75% per trade: P(pass) 64.0%");
            browser.screenshotTall("fake-compliance.png", 1500);

            // live: the headroom follows the equity without a reload
            String before = daily.headroom();
            page.waitUntil(p -> !p.rule("daily_loss").headroom().equals(before));

            // equity slides towards the daily floor: the card turns amber; the engine reduces; a veto arrives
            admin.setEquityOffset(2_400);
            page.waitUntil(p -> p.rule("daily_loss").status().equals("WATCH"));
            assertThat(page.rule("daily_loss").tone()).isEqualTo("WARN");
            admin.setEngine("REDUCING", "DAILY_LOSS_IMMINENT", "worst-case equity within 0.5% of the daily floor");
            admin.recordEvent(ComplianceEventKind.EVENT_VETO, "DAILY_LOSS", "BUY 0.50 EURUSD: worst-case equity 95,880.00 below the daily floor", "EURUSD");
            page.awaitEngineState("REDUCING").awaitEventCell("DAILY_LOSS");
            assertThat(page.engineReason()).isEqualTo("DAILY_LOSS_IMMINENT");
            assertThat(page.engineDetail()).contains("daily floor");
            assertThat(page.eventCells()).contains("DAILY_LOSS_IMMINENT");
            browser.screenshot("fake-compliance-reducing.png");

            // the floor is crossed: breached card, HALTED engine, the flatten action listed
            admin.setEquityOffset(5_000);
            admin.setEngine("HALTED", "DAILY_LOSS", "daily floor breached: positions closed, no new orders today");
            admin.recordEvent(ComplianceEventKind.EVENT_ACTION, "DAILY_LOSS", "flattened: closed ticket 42", "EURUSD");
            page.awaitEngineState("HALTED");
            page.waitUntil(p -> p.rule("daily_loss").status().equals("BREACHED"));
            assertThat(page.rule("daily_loss").headroom()).startsWith("-");
            assertThat(page.rule("daily_loss").tone()).isEqualTo("BAD");
            page.waitUntil(p -> p.eventCells().contains("action"));
            assertThat(page.eventCounts()).isEqualTo("2 vetoes · 1 actions · 3 state changes · 1 warnings · 0 operator actions");
            browser.screenshotTall("fake-compliance-halted.png", 1500);

            // the operator narrows the list to vetoes (a component event, no service call)
            page.filterEvents("Vetoes");
            page.waitUntil(p -> !p.eventCells().contains("action"));
            assertThat(page.eventCells()).contains("NEWS_EMBARGO", "DAILY_LOSS").doesNotContain("state", "action");
            page.filterEvents("Warnings");
            page.waitUntil(p -> !p.eventCells().contains("veto"));
            assertThat(page.eventCells()).contains("warning", "INACTIVITY").doesNotContain("NEWS_EMBARGO", "state");
        }
    }
}
