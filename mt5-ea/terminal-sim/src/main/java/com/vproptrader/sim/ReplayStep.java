package com.vproptrader.sim;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;

/** One moment of replay: a tick, and the bar that completed with it (bar replays only, else null). */
public record ReplayStep(Tick tick, Bar completedBar) {
    ReplayStep shifted(long offsetMsc) {
        if (offsetMsc == 0) {
            return this;
        }
        Tick t = tick.toBuilder().setTimeMsc(tick.getTimeMsc() + offsetMsc).build();
        Bar b = completedBar == null ? null
                : completedBar.toBuilder().setOpenTimeMsc(completedBar.getOpenTimeMsc() + offsetMsc).build();
        return new ReplayStep(t, b);
    }
}
