package com.vproptrader.host.memory;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The window kept in Redis as well, so it survives a host restart: one list per account of closed trades as
 * JSON ({@link ClosedTradeJson}), trimmed to the window.
 *
 * <p>Every read is answered by the in-process copy, and writes to Redis are asynchronous, so the event loop
 * never waits on the network. When Redis goes away the host keeps trading on the in-process copy and logs it
 * once; when Redis is back the list is merged with what Redis holds and rewritten from the in-process copy.
 * At start the list is loaded into the in-process copy (or merged in as soon as Redis is first reachable).
 */
public final class RedisMemory implements ShortTermMemory {
    private static final Logger log = LoggerFactory.getLogger(RedisMemory.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final InProcessMemory local;
    private final String key;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService retry;
    private final AtomicBoolean online = new AtomicBoolean();
    private final AtomicBoolean loggedOffline = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;

    /**
     * @param url       e.g. {@code redis://127.0.0.1:6379}
     * @param namespace the account the list belongs to (one list per account)
     */
    public RedisMemory(String url, String namespace, int capacity) {
        this.local = new InProcessMemory(capacity);
        this.key = "vproptrader:" + namespace + ":closed-trades";
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(5), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                // Fail at once while disconnected: the in-process copy is the truth until the resync.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        this.retry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redis-memory");
            t.setDaemon(true);
            return t;
        });
        resources.eventBus().get().subscribe(event -> {
            if (event instanceof ConnectionActivatedEvent && connection != null) {
                retry.execute(this::resync);
            } else if (event instanceof ConnectionDeactivatedEvent) {
                offline(new IllegalStateException("connection lost"));
            }
        });
        retry.execute(this::connect);
        awaitFirstAttempt();
    }

    /** Tries the first connection on the retry thread; until it works, retries every second. */
    private void connect() {
        if (closed || connection != null) {
            return;
        }
        try {
            connection = client.connect();
            resync();
        } catch (RuntimeException e) {
            offline(e);
            retry.schedule(this::connect, 1, TimeUnit.SECONDS);
        }
    }

    /** Waits a little for the first attempt so a reachable Redis is loaded before trading; never longer. */
    private void awaitFirstAttempt() {
        try {
            retry.submit(() -> { }).get(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Slow or unreachable: the retry thread keeps trying and merges the window in when it connects.
        }
    }

    @Override
    public void record(ClosedTrade trade) {
        String json = ClosedTradeJson.write(trade);
        synchronized (this) {
            local.record(trade);
            if (!online.get()) {
                return;
            }
            RedisAsyncCommands<String, String> redis = connection.async();
            redis.rpush(key, json).exceptionally(this::offline);
            redis.ltrim(key, -local.capacity(), -1).exceptionally(this::offline);
        }
    }

    /**
     * Merges what Redis holds with the in-process copy (by position, newest close last), then rewrites the list
     * from the result. Runs on the retry thread: at the first connection and after every reconnection.
     */
    private void resync() {
        StatefulRedisConnection<String, String> c = connection;
        if (closed || c == null) {
            return;
        }
        try {
            List<String> stored = c.sync().lrange(key, 0, -1);
            synchronized (this) {
                List<ClosedTrade> merged = merge(parse(stored), local.recent(0));
                local.replaceAll(merged);
                List<ClosedTrade> window = local.recent(0);
                // Asynchronous and in order on the one connection: a trade recorded next lands after these.
                RedisAsyncCommands<String, String> redis = c.async();
                redis.del(key).exceptionally(this::offline);
                if (!window.isEmpty()) {
                    redis.rpush(key, window.stream().map(ClosedTradeJson::write).toArray(String[]::new))
                            .exceptionally(this::offline);
                }
                online.set(true);
            }
            if (loggedOffline.getAndSet(false)) {
                log.info("redis {} is back: {} closed trades resynchronised", key, local.recent(0).size());
            }
        } catch (RuntimeException e) {
            offline(e);
        }
    }

    private List<ClosedTrade> parse(List<String> stored) {
        List<ClosedTrade> out = new ArrayList<>(stored.size());
        for (String json : stored) {
            try {
                out.add(ClosedTradeJson.read(json));
            } catch (IllegalArgumentException e) {
                log.warn("redis {}: skipped an unreadable entry ({})", key, e.getMessage());
            }
        }
        return out;
    }

    /** Every trade of either list once (same position = same trade), ordered by close time. */
    private static List<ClosedTrade> merge(List<ClosedTrade> stored, List<ClosedTrade> ours) {
        Map<Long, ClosedTrade> byPosition = new LinkedHashMap<>();
        stored.forEach(t -> byPosition.put(t.positionId(), t));
        ours.forEach(t -> byPosition.put(t.positionId(), t));
        List<ClosedTrade> all = new ArrayList<>(byPosition.values());
        all.sort(java.util.Comparator.comparingLong(ClosedTrade::closeTimeMsc));
        return all;
    }

    private <T> T offline(Throwable e) {
        online.set(false);
        if (!closed && !loggedOffline.getAndSet(true)) {
            log.warn("redis {} unreachable, trading on the in-process window until it is back: {}", key,
                    e.getMessage());
        }
        return null;
    }

    /** Whether writes currently reach Redis (for the admin view and tests). */
    public boolean isOnline() {
        return online.get();
    }

    @Override
    public List<ClosedTrade> recent(int max) {
        return local.recent(max);
    }

    @Override
    public List<ClosedTrade> closedSince(long serverTimeMsc) {
        return local.closedSince(serverTimeMsc);
    }

    @Override
    public WindowStats stats(StatsKey key) {
        return local.stats(key);
    }

    @Override
    public Map<StatsKey, WindowStats> exactStats() {
        return local.exactStats();
    }

    @Override
    public int capacity() {
        return local.capacity();
    }

    @Override
    public void close() {
        closed = true;
        retry.shutdownNow();
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
        resources.shutdown();
    }
}
