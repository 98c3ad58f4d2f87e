package com.vproptrader.host.memory;

/**
 * Where the account's short-term memory lives.
 *
 * @param redisUrl "" keeps the window in this process only; {@code redis://host:port} keeps it in Redis as
 *                 well (it then survives a restart). Read from the {@code redis.url} system property by
 *                 {@link #fromSystemProperties()}.
 * @param capacity closed trades in the window
 */
public record MemoryConfig(String redisUrl, int capacity) {
    public static final String REDIS_URL_PROPERTY = "redis.url";

    public MemoryConfig {
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

    /** Opens the window of one account ({@code namespace} separates accounts sharing a Redis). */
    public ShortTermMemory open(String namespace) {
        return redisUrl.isEmpty() ? new InProcessMemory(capacity) : new RedisMemory(redisUrl, namespace, capacity);
    }
}
