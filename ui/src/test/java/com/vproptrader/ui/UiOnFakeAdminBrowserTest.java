package com.vproptrader.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.ui.browser.Browser;
import com.vproptrader.ui.browser.LoginPage;
import com.vproptrader.ui.fixture.Logins;
import com.vproptrader.ui.browser.CompliancePage;
import com.vproptrader.ui.browser.OverviewPage;
import com.vproptrader.ui.browser.PluginsPage;
import com.vproptrader.ui.fixture.FakeAdminService;
import org.junit.jupiter.api.Test;

/**
 * Focused browser test of the pages' rendering against a stand-in AdminService (fixed plugins, a
 * quarantined one included); the Compliance page has its own {@link CompliancePageOnFakeAdminBrowserTest}. The real host, gateway and terminal stand-in are in {@link UiOnRealStackBrowserTest}.
 */
class UiOnFakeAdminBrowserTest {

    @Test
    void pagesRenderLiveValuesAndQuarantineReasonFromAStreamingAdminService() throws Exception {
        Browser.assumeAvailable();
        try (FakeAdminService admin = FakeAdminService.start(0, 100);
             UiServer ui = UiServer.start(Logins.ui(admin.target()));
             Browser browser = Browser.open()) {
                 new LoginPage(browser.driver(), "http://127.0.0.1:" + ui.port()).open().login(Logins.OPERATOR, Logins.PASSWORD);
            String base = "http://127.0.0.1:" + ui.port();

            OverviewPage overview = new OverviewPage(browser.driver(), base).open().awaitConnected();
            long first = overview.ticks();
            long later = overview.awaitTicksAbove(first);
            assertThat(later).isGreaterThan(first);
            assertThat(overview.terminalState()).isEqualTo("connected");
            assertThat(overview.engineState()).isEqualTo("ACTIVE");
            assertThat(overview.balance()).isEqualTo("100,000.00 USD");
            assertThat(overview.equityCurveDrawn()).isTrue();
            assertThat(overview.feedRejections()).isEqualTo("feed refused: EURUSD OUT_OF_ORDER 3");
            assertThat(overview.positionCells()).contains("EURUSD", "BUY");
            browser.screenshot("fake-overview.png");

            PluginsPage plugins = overview.goToPlugins().awaitRows(2);
            assertThat(plugins.cells()).contains("alpha-fake", "alpha", "filter-fake", "filter", "QUARANTINED",
                    "smoke call threw IllegalStateException");
            assertThat(plugins.counts()).startsWith("1 active · 1 quarantined");
            browser.screenshot("fake-plugins.png");

            // reached through the navigation; its content is CompliancePageOnFakeAdminBrowserTest's subject
            CompliancePage compliance = plugins.goToCompliance().awaitRules(1);
            assertThat(compliance.engineState()).isEqualTo("ACTIVE");
            assertThat(compliance.rulePack()).isEqualTo("ftmo-2step");
        }
    }
}
