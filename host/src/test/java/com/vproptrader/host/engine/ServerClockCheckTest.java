package com.vproptrader.host.engine;

import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.time.ServerTimes;
import com.vproptrader.proto.Hello;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A terminal whose server clock is on another DST calendar than the pack's is refused with both offsets named. */
class ServerClockCheckTest {
    private static final RulePack FTMO = RulePackLoader.bundled("ftmo-2step");
    private static final RulePack THE5ERS = RulePackLoader.bundled("the5ers-high-stakes");

    private static Hello hello(RulePack pack, String serverTime, Integer offsetSec) {
        long ms = pack.serverTimeZone().toServerMillis(ServerTimes.parse(serverTime, pack.serverTimeZone()));
        Hello.Builder h = Hello.newBuilder().setAccountId("acc").setServerTimeMsc(ms);
        if (offsetSec != null) {
            h.setServerUtcOffsetSec(offsetSec);
        }
        return h.build();
    }

    @Test
    void a_us_dst_server_in_the_march_mismatch_week_is_refused_by_an_eu_dst_pack() {
        assertThat(ServerClockCheck.refusal(FTMO, hello(FTMO, "2026.03.10 12:00:00", 10_800))).get().asString()
                .startsWith("server_time:").contains("GMT+3", "GMT+2", "ftmo-2step");
        assertThat(ServerClockCheck.refusal(FTMO, hello(FTMO, "2026.03.10 12:00:00", 7_200))).isEmpty();
        assertThat(ServerClockCheck.refusal(THE5ERS, hello(THE5ERS, "2026.03.10 12:00:00", 10_800))).isEmpty();
    }

    @Test
    void outside_the_mismatch_weeks_both_calendars_agree_and_an_unreported_offset_is_not_checked() {
        assertThat(ServerClockCheck.refusal(FTMO, hello(FTMO, "2026.07.01 12:00:00", 10_800))).isEmpty();
        assertThat(ServerClockCheck.refusal(FTMO, hello(FTMO, "2026.01.15 12:00:00", 7_200))).isEmpty();
        assertThat(ServerClockCheck.refusal(FTMO, hello(FTMO, "2026.10.27 12:00:00", null))).isEmpty();
        assertThat(ServerClockCheck.refusal(FTMO, hello(FTMO, "2026.10.27 12:00:00", 10_800))).isPresent();
    }
}
