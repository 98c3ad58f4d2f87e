package com.vproptrader.host.govern.pack;

import com.vproptrader.host.time.ServerClock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vproptrader.host.risk.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulePackLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"ftmo-2step", "ftmo-1step", "the5ers-high-stakes", "fundednext-stellar-2step"})
    void every_bundled_pack_loads(String name) {
        RulePack pack = RulePackLoader.bundled(name);
        assertThat(pack.name()).isEqualTo(name);
        assertThat(pack.initialBalance()).isEqualTo(Money.ofCents(10_000_000));
        assertThat(pack.sessions()).isNotEmpty();
    }

    @Test
    void ftmo_2step_has_the_firms_numbers() {
        RulePack p = RulePackLoader.bundled("ftmo-2step");
        assertThat(p.dailyLoss().limitPct()).isEqualByComparingTo("5");
        assertThat(p.dailyLoss().basis()).isEqualTo(DailyLossBasis.BALANCE);
        assertThat(p.maxLoss().mode()).isEqualTo(MaxLossMode.STATIC);
        assertThat(p.serverTimeZone()).isEqualTo(ServerClock.EET_EU_DST);
        assertThat(p.dayReset().clock().name()).isEqualTo("Europe/Prague");
        assertThat(p.target().minTradingDays()).isEqualTo(4);
        assertThat(p.news().beforeSec()).isEqualTo(120);
    }

    @Test
    void ftmo_1step_trails_end_of_day_balance_and_the5ers_uses_max_basis() {
        assertThat(RulePackLoader.bundled("ftmo-1step").maxLoss().trailBasis()).isEqualTo(TrailBasis.END_OF_DAY_BALANCE);
        RulePack t5 = RulePackLoader.bundled("the5ers-high-stakes");
        assertThat(t5.dailyLoss().basis()).isEqualTo(DailyLossBasis.MAX_BALANCE_EQUITY);
        assertThat(t5.serverTimeZone()).isEqualTo(ServerClock.NY_CLOSE);
        assertThat(t5.target().tradingDayRule()).isEqualTo(TradingDayRule.PROFITABLE_DAY);
    }

    @Test
    void missing_field_is_refused_naming_it() throws IOException {
        assertRefused(p -> p.remove("dailyLossPct"), "'dailyLossPct' is missing");
    }

    @Test
    void misspelt_field_is_refused_naming_it() throws IOException {
        assertRefused(p -> p.set("dailyLosPct", p.remove("dailyLossPct")), "'dailyLosPct' is not a rule pack field");
    }

    @Test
    void wrong_type_is_refused() throws IOException {
        assertRefused(p -> p.put("maxLossPct", "10"), "'maxLossPct' must be a number");
    }

    @Test
    void out_of_range_percentage_is_refused() throws IOException {
        assertRefused(p -> p.put("dailyLossPct", 150), "'dailyLossPct' must be between 0 and 100");
    }

    @Test
    void unknown_enum_value_is_refused() throws IOException {
        assertRefused(p -> p.put("dailyLossBasis", "BALANCE_OR_EQUITY"), "'dailyLossBasis' must be one of");
    }

    @Test
    void buffer_not_inside_the_limit_is_refused() throws IOException {
        assertRefused(p -> p.put("dailyLossBufferPct", 5.0), "'dailyLossBufferPct' must be smaller than dailyLossPct");
    }

    @Test
    void static_max_loss_with_a_trail_basis_is_refused() throws IOException {
        assertRefused(p -> p.put("maxLossTrailBasis", "EQUITY"), "'maxLossTrailBasis' must be NONE exactly when");
    }

    @Test
    void unsupported_zone_is_refused() throws IOException {
        assertRefused(p -> p.put("dayResetZone", "Europe/Berlin"), "'dayResetZone' unsupported zone 'Europe/Berlin'");
    }

    @Test
    void bad_reset_time_is_refused() throws IOException {
        assertRefused(p -> p.put("dayResetTime", "24:00"), "'dayResetTime' must be a time HH:MM");
    }

    @Test
    void session_closing_before_it_opens_is_refused() throws IOException {
        assertRefused(p -> ((ObjectNode) p.get("sessions").get(1)).put("close", "07:00"), "sessions[1]: field 'close' must be after open");
    }

    @Test
    void unknown_field_in_a_session_is_refused() throws IOException {
        assertRefused(p -> ((ObjectNode) p.get("sessions").get(0)).put("days", "MON-FRI"), "sessions[0]: field 'days'");
    }

    @Test
    void open_risk_that_could_breach_after_a_day_reset_is_refused() throws IOException {
        assertRefused(p -> p.put("maxOpenRiskPct", 3.0), "'maxOpenRiskPct' × (1 + gapAllowanceSlFraction) = 4.5 must not exceed");
    }

    @Test
    void name_not_matching_the_file_is_refused() throws IOException {
        assertRefused(p -> p.put("name", "ftmo-3step"), "'name' must be 'ftmo-2step'");
    }

    @Test
    void duplicate_key_is_refused() {
        assertThatThrownBy(() -> RulePackLoader.parse("x", "{\"name\":\"x\",\"name\":\"x\"}"))
                .isInstanceOf(RulePackException.class).hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void pack_file_is_read_from_disk_with_its_name() throws IOException {
        var dir = Files.createTempDirectory("packs");
        var file = dir.resolve("ftmo-2step.json");
        Files.writeString(file, ftmoJson().toString());
        assertThat(RulePackLoader.file(file).name()).isEqualTo("ftmo-2step");
        assertThat(RulePackLoader.file(file).dailyLoss().bufferPct()).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void missing_pack_is_refused() {
        assertThatThrownBy(() -> RulePackLoader.bundled("nope")).isInstanceOf(RulePackException.class)
                .hasMessageContaining("rule pack 'nope' not found");
    }

    private static ObjectNode ftmoJson() throws IOException {
        try (var in = RulePackLoaderTest.class.getResourceAsStream("/rulepacks/ftmo-2step.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static void assertRefused(Consumer<ObjectNode> breakIt, String message) throws IOException {
        ObjectNode pack = ftmoJson();
        breakIt.accept(pack);
        assertThatThrownBy(() -> RulePackLoader.parse("ftmo-2step", pack.toString()))
                .isInstanceOf(RulePackException.class)
                .hasMessageStartingWith("rule pack 'ftmo-2step'")
                .hasMessageContaining(message);
    }
}
