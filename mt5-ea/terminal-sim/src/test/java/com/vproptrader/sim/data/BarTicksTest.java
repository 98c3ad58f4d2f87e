package com.vproptrader.sim.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarTicksTest {
    @Test
    void bullishBar_becomesFourTicks_openLowHighClose_withTheBarSpread() {
        Bar bar = Bar.newBuilder().setSymbol("EURUSD").setOpenTimeMsc(1_000_000).setOpen(1.1).setHigh(1.102)
                .setLow(1.099).setClose(1.101).setSpreadPoints(10).build();
        List<Tick> ticks = BarTicks.expand(bar, 5, 60_000);
        assertThat(ticks).extracting(Tick::getBid).containsExactly(1.1, 1.099, 1.102, 1.101);
        assertThat(ticks).extracting(Tick::getTimeMsc).containsExactly(1_000_000L, 1_015_000L, 1_030_000L, 1_045_000L);
        assertThat(ticks.get(0).getAsk()).isEqualTo(1.1001);
    }
}
