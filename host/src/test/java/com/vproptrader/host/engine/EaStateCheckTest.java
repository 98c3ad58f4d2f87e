package com.vproptrader.host.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.govern.DayAnchor;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.EaState;
import java.math.RoundingMode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EaStateCheckTest {
    private static final String PACK = "{\"name\":\"ftmo-2step\"}";
    private static final DayAnchor DAY = new DayAnchor(Instant.parse("2026-03-10T23:00:00Z"),
            Money.of(100_000, RoundingMode.FLOOR), Money.of(100_250.5, RoundingMode.FLOOR));

    private static EaState.Builder agreeing() {
        return EaState.newBuilder().setEngineState("ACTIVE").setRulePackName("ftmo-2step")
                .setRulePackHash(EaStateCheck.fnv1a64Hex(PACK)).setDayStartBalance(100_000).setDayStartEquity(100_250.5);
    }

    @Test
    void anEaEnforcingOurPackFromOurDayStart_agrees() {
        assertThat(EaStateCheck.differences(agreeing().build(), PACK, DAY)).isEmpty();
    }

    @Test
    void anotherPackOrAnotherDayStart_isNamed() {
        assertThat(EaStateCheck.differences(agreeing().setRulePackName("compiled-defaults").setRulePackHash("").build(), PACK, DAY))
                .singleElement().asString().startsWith("rule pack: EA enforces 'compiled-defaults'");
        assertThat(EaStateCheck.differences(agreeing().setDayStartEquity(100_000).build(), PACK, DAY))
                .singleElement().asString().startsWith("day start: EA balance 100000.0 equity 100000.0");
    }

    @Test
    void theHashIsTheEasFnv1a64_overUtf16Units() {
        assertThat(EaStateCheck.fnv1a64Hex("")).isEqualTo("cbf29ce484222325");
        assertThat(EaStateCheck.fnv1a64Hex("a")).isEqualTo("af63dc4c8601ec8c");
    }
}
