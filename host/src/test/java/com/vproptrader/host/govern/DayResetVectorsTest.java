package com.vproptrader.host.govern;

import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.time.ServerTimes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared day-reset vectors (mt5-ea/test/vectors/dayreset): server time in, day start in server time out. */
class DayResetVectorsTest {

    @Test
    void every_day_reset_case_gives_the_expected_day_start() throws IOException {
        JsonNode v = new ObjectMapper().readTree(
                Files.readString(Path.of("../mt5-ea/test/vectors/dayreset/day_start_by_pack.json")));
        int checked = 0;
        for (JsonNode c : v.get("cases")) {
            RulePack pack = RulePackLoader.file(GovernorVector.PACKS.resolve(c.get("pack").asText() + ".json"));
            var now = ServerTimes.parse(c.get("now").asText(), pack.serverTimeZone());
            String start = ServerTimes.format(pack.dayReset().dayStart(now), pack.serverTimeZone());
            assertThat(start).as("%s at %s", c.get("pack").asText(), c.get("now").asText())
                    .isEqualTo(c.get("dayStart").asText());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }
}
