package com.vproptrader.host.engine;

import com.vproptrader.host.govern.GovernorStore;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.pack.RulePackLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's risk-advice action moves the sizer's per-trade cap, never above the pack's. */
class RiskAdviceCapTest {

    @Test
    void followingAdviceLowersTheSizersCapButNeverRaisesItAboveThePacks() {
        PropFirmRules rules = new PropFirmRules(RulePackLoader.bundled("ftmo-2step"), GovernorStore.inMemory(),
                MarketCalendar.NONE, 1_700_000_000_000L);
        assertThat(rules.riskPerTradeCap()).isEqualTo(0.01);

        rules.capRiskPerTrade(0.005);
        assertThat(rules.riskPerTradeCap()).isEqualTo(0.005);
        assertThat(rules.sizer().kelly().cap()).isEqualTo(0.005);

        rules.capRiskPerTrade(0.02);
        assertThat(rules.riskPerTradeCap()).as("the pack's 1% is the ceiling").isEqualTo(0.01);

        rules.capRiskPerTrade(rules.packRiskCap());
        assertThat(rules.riskPerTradeCap()).isEqualTo(0.01);
    }
}
