package com.vproptrader.host.govern;

import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.govern.pack.WeekendRule;
import com.vproptrader.host.time.MarketHours;
import com.vproptrader.host.time.ServerTimes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared weekend vectors (mt5-ea/test/vectors/weekend): for a pack and a server time, whether an OPEN is
 * blocked ({@code weekendStopOpeningMinutes}) and whether the account must be flat ({@code weekendFlattenMinutes}).
 * The EA's governors_test reads the same file. Friday after the 17:00 New York close is the weekend.
 */
class GovernorWeekendVectorsTest {

    @Test
    void every_weekend_case_blocks_opening_and_flattens_as_expected() throws IOException {
        JsonNode v = new ObjectMapper().readTree(
                Files.readString(Path.of("../mt5-ea/test/vectors/weekend/weekend_by_pack.json")));
        assertThat(v.get("format").asInt()).isEqualTo(1);
        int checked = 0;
        for (JsonNode c : v.get("cases")) {
            RulePack pack = RulePackLoader.file(GovernorVector.PACKS.resolve(c.get("pack").asText() + ".json"));
            Instant now = ServerTimes.parse(c.get("now").asText(), pack.serverTimeZone());
            WeekendRule rule = pack.weekend();
            boolean openBlocked = rule.flat() && MarketHours.inWeekend(now, Duration.ofMinutes(rule.stopOpeningMinutes()));
            boolean flatten = rule.flat() && MarketHours.inWeekend(now, Duration.ofMinutes(rule.flattenMinutes()));
            String at = c.get("pack").asText() + " at " + c.get("now").asText();
            assertThat(openBlocked).as("%s: opening blocked", at).isEqualTo(c.get("openBlocked").asBoolean());
            assertThat(flatten).as("%s: flatten", at).isEqualTo(c.get("flatten").asBoolean());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
    }

    @Test
    void friday_evening_after_the_close_is_the_weekend_with_no_lead() {
        // 2026-01-16 is a Friday; New York is on EST (UTC-5): the close is 22:00 UTC
        assertThat(MarketHours.inWeekend(Instant.parse("2026-01-16T21:59:59Z"), Duration.ZERO)).isFalse();
        assertThat(MarketHours.inWeekend(Instant.parse("2026-01-16T22:00:00Z"), Duration.ZERO)).isTrue();
        assertThat(MarketHours.inWeekend(Instant.parse("2026-01-17T04:59:59Z"), Duration.ZERO)).isTrue();
        assertThat(MarketHours.inWeekend(Instant.parse("2026-01-18T21:59:59Z"), Duration.ZERO)).isTrue();
        assertThat(MarketHours.inWeekend(Instant.parse("2026-01-18T22:00:00Z"), Duration.ZERO)).isFalse();
        // a lead reaching back into Thursday
        assertThat(MarketHours.inWeekend(Instant.parse("2026-01-15T22:00:00Z"), Duration.ofHours(24))).isTrue();
        assertThat(MarketHours.inWeekend(Instant.parse("2026-01-15T21:59:59Z"), Duration.ofHours(24))).isFalse();
    }
}
