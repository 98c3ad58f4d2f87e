package com.vproptrader.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.ui.browser.AppPages;
import com.vproptrader.ui.browser.Browser;
import com.vproptrader.ui.browser.CompliancePage;
import com.vproptrader.ui.browser.LoginPage;
import com.vproptrader.ui.browser.OverviewPage;
import com.vproptrader.ui.fixture.FakeAdminService;
import com.vproptrader.ui.fixture.Logins;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every page against two stand-in AdminServices whose values move each step (prices, trades closing, filter
 * vetoes, regimes): each page shows the host's figures and they change; the heatmap links to its trades; the
 * day's digest downloads as CSV and JSON; the header's selector switches host and an action reaches the chosen
 * one only; a host that goes away shows "–" and the time of the last update. Screenshots of every page at
 * desktop and phone width go to the screenshot folder. The UI runs on Vaadin's production bundle (no
 * development-mode warning in the console) and serves its tab icon.
 */
class AllPagesOnFakeHostsBrowserTest {

    @Test
    void everyPageShowsMovingValues_hostSelectorAndHostGone() throws Exception {
        Browser.assumeAvailable();
        try (FakeAdminService first = FakeAdminService.start(0, 200);
             FakeAdminService second = FakeAdminService.start(0, 200);
             UiServer ui = UiServer.start(Logins.ui(first.target(), second.target()));
             Browser browser = Browser.open()) {
            String base = "http://127.0.0.1:" + ui.port();
            new LoginPage(browser.driver(), base).open().login(Logins.OPERATOR, Logins.PASSWORD);

            OverviewPage overview = new OverviewPage(browser.driver(), base).open().awaitConnected();
            // the production bundle: no development-mode warning in the console, and a tab icon
            assertThat(browser.console()).noneMatch(m -> m.contains("Lit is in dev mode") || m.contains("development mode"));
            assertThat(browser.status("/favicon.ico")).isEqualTo(200);
            assertThat(overview.awaitGrid("prices-grid")).contains("EURUSD", "GBPUSD");
            String bid = overview.cellAfter("prices-grid", "EURUSD");
            overview.waitUntil(p -> !p.cellAfter("prices-grid", "EURUSD").equals(bid));
            assertThat(overview.awaitValue("week-pnl-value")).endsWith("USD");
            assertThat(overview.awaitValue("trades-value")).matches("[0-9,]+");
            long trades = Long.parseLong(overview.value("trades-value").replace(",", ""));
            overview.waitUntil(p -> Long.parseLong(p.value("trades-value").replace(",", "")) > trades);
            assertThat(overview.value("daily-floor-value")).matches("[0-9,]+\\.[0-9]{2} USD \\([0-9.]+%\\)");
            assertThat(overview.value("sharpe-value")).isEqualTo("1.25");
            assertThat(overview.awaitGrid("recent-trades-grid")).contains("alpha-fake");
            assertThat(overview.awaitGrid("vetoes-grid")).contains("NEWS_EMBARGO");
            assertThat(overview.equityFloorsDrawn()).isEqualTo(2);
            browser.screenshotDesktopAndPhone("overview");

            AppPages.Alpha alpha = new AppPages.Alpha(browser.driver(), base).open();
            assertThat(alpha.cell("heatmap-symbol", "alpha-fake", "EURUSD")).startsWith("+120.50 · ");
            assertThat(alpha.cell("heatmap-symbol", "alpha-fake", "GBPUSD")).startsWith("-80.25 · ");
            assertThat(alpha.cell("heatmap-regime", "alpha-other", "TREND_UP")).contains(" · ");
            assertThat(alpha.weights()).contains("alpha-fake", "1.200", "alpha-other", "0.800");
            // the host's bandit posterior (Beta(29, 25) for alpha-fake in TREND_UP) beside the alpha's weight
            assertThat(alpha.posterior("alpha-fake", "TREND_UP")).isEqualTo("P(win) 0.537 · Beta(29.0, 25.0)");
            assertThat(alpha.rowHeaders("heatmap-regime")).contains("alpha-fake · weight 1.200", "alpha-other · weight 0.800");
            browser.screenshotDesktopAndPhone("alpha");
            AppPages.Trades cell = alpha.openCell("heatmap-symbol", "alpha-fake", "EURUSD");
            assertThat(cell.title()).isEqualTo("Closed trades of alpha-fake on EURUSD");
            assertThat(cell.awaitRows()).isPositive();
            assertThat(cell.cells()).contains("EURUSD", "+120.50").doesNotContain("GBPUSD", "-80.25");
            browser.screenshotDesktopAndPhone("trades");

            AppPages.Regimes regimes = new AppPages.Regimes(browser.driver(), base).open();
            assertThat(regimes.now()).contains("EURUSD", "GBPUSD", "RANGE");
            assertThat(regimes.performance()).contains("TREND_UP", "RANGE");
            browser.screenshotDesktopAndPhone("regimes");

            AppPages.Risk risk = new AppPages.Risk(browser.driver(), base).open();
            assertThat(risk.exposure("exposure-symbol")).contains("EURUSD", "+0.10");
            assertThat(risk.exposure("exposure-currency")).containsSubsequence("EUR", "+0.10", "USD", "-0.10");
            assertThat(risk.tile("risk-es95")).isEqualTo("420.50 USD");
            assertThat(risk.tile("risk-open")).isEqualTo("600.00 USD");
            assertThat(risk.correlation()).containsExactly("1.00", "-0.99", "-0.99", "1.00");
            long vetoes = risk.filterVetoes();
            risk.waitUntil(p -> p.filterVetoes() > vetoes);
            browser.screenshotDesktopAndPhone("risk");

            AppPages.Report report = new AppPages.Report(browser.driver(), base).open();
            assertThat(report.day()).contains("2023-11-16");
            assertThat(report.tile("report-net")).isEqualTo("-5.00");
            String csv = report.download("report-csv");
            assertThat(csv.lines().toList()).first().asString().startsWith("date,day_start_server,");
            assertThat(csv).contains("2023-11-16,2023-11-16 00:00:00,2023-11-17 00:00:00,DAY,,4,2,-5.00",
                    "SYMBOL,EURUSD,2,0,-40");
            assertThat(report.download("report-json")).contains("\"date\": \"2023-11-16\"", "\"netProfit\": \"-5.00\"");
            browser.screenshotDesktopAndPhone("report");

            browser.driver().get(base + "/plugins");
            overview.waitUntil(p -> p.rows("plugins-grid") > 0);
            browser.screenshotDesktopAndPhone("plugins");
            browser.driver().get(base + "/learning");
            overview.waitUntil(p -> !browser.driver().findElements(By.id("learning-view")).isEmpty());
            browser.screenshotDesktopAndPhone("learning");
            CompliancePage compliance = new CompliancePage(browser.driver(), base).open().awaitRules(1);
            browser.screenshotDesktopAndPhone("compliance");

            // the header's selector: the second host, and an action reaches it alone
            assertThat(compliance.selectedHost()).isEqualTo(first.target());
            compliance.selectHost(second.target());
            compliance = new CompliancePage(browser.driver(), base).open().awaitRules(1);
            assertThat(compliance.selectedHost()).isEqualTo(second.target());
            assertThat(compliance.operate("halt", "second host only")).startsWith("Done: HALT by alice");
            assertThat(second.operatorRequests()).containsExactly("HALT alice: second host only");
            assertThat(first.operatorRequests()).isEmpty();

            // the second host goes away: "–" and the time of the last update, not zeros
            second.close();
            OverviewPage gone = new OverviewPage(browser.driver(), base).open();
            gone.waitUntil(p -> p.hostLinkState().contains("disconnected"));
            assertThat(gone.value("balance-value")).isEqualTo("–");
            assertThat(gone.value("ticks-value")).isEqualTo("–");
            assertThat(gone.lastUpdate()).startsWith("last update ").endsWith("UTC");
            browser.screenshotDesktopAndPhone("overview-host-gone");
        }
    }
}
