package com.vproptrader.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.ui.browser.Browser;
import com.vproptrader.ui.browser.CompliancePage;
import com.vproptrader.ui.browser.LoginPage;
import com.vproptrader.ui.fixture.FakeAdminService;
import com.vproptrader.ui.fixture.Logins;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Access in a real browser: no page without a login, a wrong password is refused, a viewer reads but cannot
 * act (not even by re-enabling the button in the browser), an operator acts under their login name, and the
 * UI's audit file records both.
 */
class LoginAndRolesBrowserTest {

    @Test
    void noPageWithoutLogin_aViewerCannotAct_anOperatorActsUnderTheirLogin() throws Exception {
        Browser.assumeAvailable();
        UiConfig cfg = Logins.ui("127.0.0.1:1"); // replaced below once the stand-in host has a port
        try (FakeAdminService admin = FakeAdminService.start(0, 100);
             UiServer ui = UiServer.start(cfg.withAdminTarget(admin.target()));
             Browser browser = Browser.open()) {
            String base = "http://127.0.0.1:" + ui.port();
            LoginPage login = new LoginPage(browser.driver(), base);
            for (String path : List.of("/", "/plugins", "/compliance", "/learning")) {
                browser.driver().get(base + path);
                new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(45))
                        .until(d -> !d.findElements(By.id("login-view")).isEmpty());
                assertThat(login.showing()).as(path + " without a login").isTrue();
                assertThat(browser.driver().findElements(By.id("host-link"))).as(path + " shows nothing of the host").isEmpty();
            }
            browser.screenshot("login.png");
            assertThat(login.loginFails(Logins.OPERATOR, "not the password")).contains("Wrong user name or password");

            // asked for the Compliance page: the login leads there, as a viewer
            browser.driver().get(base + "/compliance");
            login.login(Logins.VIEWER, Logins.PASSWORD);
            CompliancePage viewer = new CompliancePage(browser.driver(), base).awaitRules(1);
            assertThat(viewer.currentUser()).isEqualTo("victor · viewer");
            for (String action : List.of("halt", "resume", "flatten-all")) {
                assertThat(viewer.operatorEnabled(action)).as(action + " for a viewer").isFalse();
            }
            assertThat(viewer.forceClick("halt")).as("a re-enabled button opens nothing").isFalse();
            assertThat(admin.operatorRequests()).isEmpty();
            browser.screenshot("compliance-as-viewer.png");
            browser.driver().get(base + "/plugins");
            com.vproptrader.ui.browser.PluginsPage viewerPlugins = new com.vproptrader.ui.browser.PluginsPage(browser.driver(), base)
                    .awaitRows(1);
            for (String action : List.of("disable", "enable", "rollback")) {
                assertThat(viewerPlugins.commandEnabled(action)).as(action + " for a viewer").isFalse();
            }

            viewer.logout().login(Logins.OPERATOR, Logins.PASSWORD);
            CompliancePage operator = new CompliancePage(browser.driver(), base).open().awaitRules(1);
            assertThat(operator.currentUser()).isEqualTo("alice · operator");
            assertThat(operator.operate("halt", "CPI in five minutes")).isEqualTo("Done: HALT by alice: CPI in five minutes");
            assertThat(admin.operatorRequests()).containsExactly("HALT alice: CPI in five minutes");
            assertThat(Files.readString(cfg.auditFile()))
                    .contains("user=alice role=operator host=" + admin.target() + " command=Halt reason=\"CPI in five minutes\"");

            operator.logout();
            browser.driver().get(base + "/plugins");
            new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(45))
                    .until(d -> !d.findElements(By.id("login-view")).isEmpty());
            assertThat(login.showing()).as("logged out: back to the login").isTrue();
        }
    }
}
