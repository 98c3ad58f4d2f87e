package com.vproptrader.host.memory;

import com.vproptrader.host.group.GroupExposure;
import com.vproptrader.host.group.GroupLimits;
import com.vproptrader.host.group.RedisGroupExposure;

import java.util.List;

/**
 * Where the account's short-term memory lives.
 *
 * @param redisUrl "" keeps the window in this process only; {@code redis://host:port} keeps it in Redis as
 *                 well (it then survives a restart). Read from the {@code redis.url} system property by
 *                 {@link #fromSystemProperties()}.
 * @param capacity closed trades in the window
 * @param earlier  closed trades of earlier runs, oldest first (the long-term store's newest): an in-process window
 *                 starts from them, so the evidence (win rates, the bandit's posteriors) survives a restart without
 *                 Redis too; Redis keeps its own list and ignores them
 * @param storeUrl the long-term store's JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}); "" is a
 *                 SQLite file beside the journal
 * @param group    the account group whose caps this account shares through the same Redis; null = none
 */
public record MemoryConfig(String redisUrl, int capacity, List<ClosedTrade> earlier, String storeUrl, GroupLimits group) {
    public static final String REDIS_URL_PROPERTY = "redis.url";

    public MemoryConfig(String redisUrl, int capacity) {
        this(redisUrl, capacity, List.of(), "", null);
    }

    public MemoryConfig {
        earlier = List.copyOf(earlier);
        storeUrl = storeUrl == null ? "" : storeUrl.trim();
        if (group != null && (redisUrl == null || redisUrl.isBlank())) {
            throw new IllegalArgumentException("group " + group.group() + " needs a Redis the hosts share (--redis-url)");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("memory capacity must be >= 1, got " + capacity);
        }
        redisUrl = redisUrl == null ? "" : redisUrl.trim();
        if (!redisUrl.isEmpty() && !redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
            throw new IllegalArgumentException(REDIS_URL_PROPERTY + " must start with redis:// or rediss://, got "
                    + redisUrl);
        }
    }

    public static MemoryConfig inProcess() {
        return new MemoryConfig("", ShortTermMemory.DEFAULT_CAPACITY);
    }

    /** In-process unless the {@code redis.url} system property names a server. */
    public static MemoryConfig fromSystemProperties() {
        return new MemoryConfig(System.getProperty(REDIS_URL_PROPERTY, ""), ShortTermMemory.DEFAULT_CAPACITY);
    }

    /** The same place, starting from {@code trades} of earlier runs (oldest first). */
    public MemoryConfig startingFrom(List<ClosedTrade> trades) {
        return new MemoryConfig(redisUrl, capacity, trades, storeUrl, group);
    }

    /** The same, with the long-term store at {@code jdbcUrl} ("" = SQLite beside the journal). */
    public MemoryConfig withStore(String jdbcUrl) {
        return new MemoryConfig(redisUrl, capacity, earlier, jdbcUrl, group);
    }

    /** The same, sharing {@code limits} with the other hosts of its group on this Redis (null = no group). */
    public MemoryConfig withGroup(GroupLimits limits) {
        return new MemoryConfig(redisUrl, capacity, earlier, storeUrl, limits);
    }

    /** The account's bookings in its group ({@link GroupExposure#NONE} outside any group). */
    public GroupExposure openGroup(String account) {
        return group == null ? GroupExposure.NONE : new RedisGroupExposure(redisUrl, group, account);
    }

    /** Opens the window of one account ({@code namespace} separates accounts sharing a Redis). */
    public ShortTermMemory open(String namespace) {
        if (!redisUrl.isEmpty()) {
            return new RedisMemory(redisUrl, namespace, capacity);
        }
        InProcessMemory memory = new InProcessMemory(capacity);
        earlier.forEach(memory::record);
        return memory;
    }
}
