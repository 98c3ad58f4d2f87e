package com.vproptrader.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UiMainTest {

    @Test
    void parseDuration_acceptsShortFormsAndIso() {
        assertThat(UiMain.parseDuration("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(UiMain.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(UiMain.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(UiMain.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(UiMain.parseDuration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void parseDuration_refusesUnknownUnits() {
        assertThatThrownBy(() -> UiMain.parseDuration("3d")).hasMessageContaining("not a duration");
    }

    @Test
    void plainHttpOnANonLoopbackAddressIsRefusedUnlessTlsOrExplicitlyAllowed() throws Exception {
        assertThatThrownBy(() -> UiServer.refuseUnsafeBinding(UiConfig.defaults().withBindAddress("0.0.0.0")))
                .hasMessageContaining("--tls-keystore").hasMessageContaining("--insecure-remote");
        UiServer.refuseUnsafeBinding(UiConfig.defaults().withBindAddress("0.0.0.0").withInsecureRemote(true));
        UiServer.refuseUnsafeBinding(UiConfig.defaults().withBindAddress("0.0.0.0")
                .withTls(new UiConfig.Tls(java.nio.file.Path.of("ui.p12"), "pw")));
        UiServer.refuseUnsafeBinding(UiConfig.defaults().withBindAddress("127.0.0.1"));
        UiServer.refuseUnsafeBinding(UiConfig.defaults().withBindAddress("::1"));
        assertThat(new picocli.CommandLine(new UiMain()).execute("--bind", "0.0.0.0", "--http-port", "0")).isEqualTo(2);
    }
}
