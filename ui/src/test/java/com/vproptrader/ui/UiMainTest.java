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
}
