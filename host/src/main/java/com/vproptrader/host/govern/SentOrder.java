package com.vproptrader.host.govern;

import java.time.Instant;

/** An order already sent: its idempotency key and when (for the duplicate guard and the rate throttle). */
public record SentOrder(String key, Instant time) {
}
