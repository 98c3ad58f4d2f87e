package com.vproptrader.host.macro.fred;

import java.time.Duration;

/** Waits between attempts; {@link #SLEEP} in production, a recorder in tests so backoff is checked, not slept. */
@FunctionalInterface
public interface Pause {
    void pause(Duration duration) throws InterruptedException;

    Pause SLEEP = d -> Thread.sleep(d.toMillis());
}
