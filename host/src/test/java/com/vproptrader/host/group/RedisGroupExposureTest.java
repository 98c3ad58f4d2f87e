package com.vproptrader.host.group;

import com.vproptrader.host.memory.LocalRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two accounts of one group booking through one real Redis (org.signal:embedded-redis, no persistence: a restarted
 * server is empty). Each account has its own client, as two hosts would.
 */
class RedisGroupExposureTest {
    private static LocalRedis server;
    private static String url;

    @BeforeAll
    static void startRedis() throws IOException {
        server = LocalRedis.start();
        url = server.url();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        server.close();
    }

    @Test
    void lotsBookedByOneAccountLimitTheOther_untilItsPositionCloses() {
        GroupLimits limits = new GroupLimits(group(), new BigDecimal("2.00"), 0);
        try (RedisGroupExposure a = new RedisGroupExposure(url, limits, "1001");
             RedisGroupExposure b = new RedisGroupExposure(url, limits, "2002")) {
            Optional<GroupExposure.Refusal> first = bookAfterResync(a, "EURUSD", 1.5);
            assertThat(first).isEmpty();

            Optional<GroupExposure.Refusal> refused = b.book("EURUSD", 0.8);
            assertThat(refused).get().satisfies(r -> {
                assertThat(r.code()).isEqualTo("GROUP_LOTS_CAP");
                assertThat(r.detail()).contains("holds 1.50 lots on EURUSD (1001 1.50) + 0.8 > 2.00");
            });
            assertThat(b.book("EURUSD", 0.5)).as("exactly up to the cap").isEmpty();
            assertThat(b.book("GBPUSD", 2.0)).as("another symbol has its own cap").isEmpty();

            a.holding(Map.of("EURUSD", 0.0), System.nanoTime()); // A's position closed
            await().atMost(Duration.ofSeconds(5)).until(() -> b.book("EURUSD", 2.0).isEmpty());
            assertThat(a.book("EURUSD", 0.01)).get().extracting(GroupExposure.Refusal::code).isEqualTo("GROUP_LOTS_CAP");
        }
    }

    @Test
    void aHoldersCapLetsOneAccountHoldASymbolAtATime() {
        GroupLimits limits = new GroupLimits(group(), null, 1);
        try (RedisGroupExposure a = new RedisGroupExposure(url, limits, "1001");
             RedisGroupExposure b = new RedisGroupExposure(url, limits, "2002")) {
            assertThat(bookAfterResync(a, "US30", 3.0)).isEmpty();
            assertThat(b.book("US30", 0.01)).get().satisfies(r -> {
                assertThat(r.code()).isEqualTo("GROUP_HOLDERS_CAP");
                assertThat(r.detail()).contains("1 accounts hold US30 (1001 3.00), cap 1");
            });
        }
    }

    /**
     * Redis stops: every booking is refused as unknown (nothing opens on a guess). It comes back empty: bookings
     * wait out the resync while the hosts publish their lots again, and then A's republished lots still limit B.
     */
    @Test
    void withRedisDownNothingIsBooked_andAfterAnEmptyRestartTheRepublishedLotsStillCount() throws Exception {
        GroupLimits limits = new GroupLimits(group(), new BigDecimal("1.00"), 0);
        try (RedisGroupExposure a = new RedisGroupExposure(url, limits, "1001");
             RedisGroupExposure b = new RedisGroupExposure(url, limits, "2002")) {
            assertThat(bookAfterResync(a, "EURUSD", 0.7)).isEmpty();
            server.stop();
            try {
                assertThat(b.book("EURUSD", 0.1)).get().satisfies(r -> {
                    assertThat(r.code()).isEqualTo("GROUP_EXPOSURE_UNKNOWN");
                    assertThat(r.detail()).contains("Redis unreachable");
                });
            } finally {
                server.restart(); // empty: nothing persisted
            }
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
                a.holding(Map.of("EURUSD", 0.7), System.nanoTime());
                return b.book("EURUSD", 0.4).map(GroupExposure.Refusal::code).orElse("OK").equals("GROUP_LOTS_CAP");
            });
            assertThat(b.book("EURUSD", 0.3)).isEmpty();
        }
    }

    /** The first booking on a fresh (or freshly restarted) Redis starts the resync; it passes once that is over. */
    private static Optional<GroupExposure.Refusal> bookAfterResync(RedisGroupExposure e, String symbol, double lots) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> !e.book(symbol, lots).map(GroupExposure.Refusal::code)
                        .filter(c -> c.equals("GROUP_RESYNC") || c.equals("GROUP_EXPOSURE_UNKNOWN")).isPresent());
        return e.book(symbol, lots);
    }

    private static String group() {
        return "g-" + UUID.randomUUID();
    }
}
