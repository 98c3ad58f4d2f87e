package com.vproptrader.host.memory;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static com.vproptrader.host.memory.Trades.closed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract on the Redis backend, against a real redis-server (the one org.signal:embedded-redis ships)
 * on a free port, without persistence: a restarted server is empty, so only the resync can refill it.
 */
class RedisMemoryTest extends ShortTermMemoryContract {
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

    @Override
    ShortTermMemory open(int capacity) {
        return new RedisMemory(url, "test-" + UUID.randomUUID(), capacity);
    }

    @Test
    void theWindowSurvivesAHostRestart() {
        String account = "restart-" + UUID.randomUUID();
        List<ClosedTrade> before;
        try (RedisMemory first = new RedisMemory(url, account, CAPACITY)) {
            LongStream.rangeClosed(1, 7).forEach(i -> first.record(closed(i, i % 2 == 0 ? 150 : -100, 100)));
            before = first.recent(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> stored(account).size() == CAPACITY);
        }
        try (RedisMemory second = new RedisMemory(url, account, CAPACITY)) {
            assertThat(second.recent(0)).containsExactlyElementsOf(before);
            assertThat(second.stats(StatsKey.ALL)).isEqualTo(statsOf(before));
        }
    }

    @Test
    void whenRedisGoesAwayTradingGoesOnInProcessAndRedisIsResynchronisedWhenBack() throws IOException {
        String account = "outage-" + UUID.randomUUID();
        try (RedisMemory memory = new RedisMemory(url, account, CAPACITY)) {
            memory.record(closed(1, 100, 100));
            memory.record(closed(2, -100, 100));
            await().atMost(Duration.ofSeconds(10)).until(() -> stored(account).size() == 2);

            server.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> !memory.isOnline());
            memory.record(closed(3, 200, 100));
            memory.record(closed(4, 300, 100));
            assertThat(memory.recent(0)).extracting(ClosedTrade::positionId).containsExactly(1L, 2L, 3L, 4L);
            assertThat(memory.stats(StatsKey.ALL).wins()).isEqualTo(3);

            server.restart(); // empty: nothing persisted
            await().atMost(Duration.ofSeconds(20)).until(memory::isOnline);
            await().atMost(Duration.ofSeconds(10)).until(() -> stored(account).size() == 4);
            assertThat(stored(account)).extracting(ClosedTrade::positionId).containsExactly(1L, 2L, 3L, 4L);

            memory.record(closed(5, 100, 100));
            await().atMost(Duration.ofSeconds(10)).until(() -> stored(account).size() == 5);
        }
    }

    @Test
    void anUnreadableEntryInRedisIsSkippedAndTheRestIsLoaded() {
        String account = "bad-" + UUID.randomUUID();
        try (RedisMemory first = new RedisMemory(url, account, CAPACITY)) {
            first.record(closed(1, 100, 100));
            await().atMost(Duration.ofSeconds(10)).until(() -> stored(account).size() == 1);
        }
        withRedis(c -> c.sync().rpush(key(account), "{not json"));
        try (RedisMemory second = new RedisMemory(url, account, CAPACITY)) {
            assertThat(second.recent(0)).extracting(ClosedTrade::positionId).containsExactly(1L);
        }
    }

    private static WindowStats statsOf(List<ClosedTrade> trades) {
        InProcessMemory m = new InProcessMemory(CAPACITY);
        trades.forEach(m::record);
        return m.stats(StatsKey.ALL);
    }

    private static String key(String account) {
        return "vproptrader:" + account + ":closed-trades";
    }

    /** What Redis holds for the account, read with a separate client. */
    private static List<ClosedTrade> stored(String account) {
        return withRedis(c -> c.sync().lrange(key(account), 0, -1)).stream().map(ClosedTradeJson::read).toList();
    }

    private static <T> T withRedis(java.util.function.Function<StatefulRedisConnection<String, String>, T> use) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return use.apply(c);
        } finally {
            client.shutdown();
        }
    }
}
