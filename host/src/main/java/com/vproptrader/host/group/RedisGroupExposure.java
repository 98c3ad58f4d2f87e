package com.vproptrader.host.group;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The group's book in Redis: one hash per symbol ({@code vproptrader:group:<group>:lots:<symbol>}), one field per
 * account holding its lots in hundredths. A booking is one Lua script, so checking the other accounts' lots and
 * writing this account's is atomic across every host of the group; only the owning host writes its field.
 *
 * <p>A Redis that restarted empty has forgotten what the other hosts hold until each republishes (every second):
 * the script keeps an epoch key and refuses bookings for {@link #RESYNC} after it finds it missing. While Redis
 * cannot be reached every booking is refused (the group's exposure is unknown); nothing else waits on it.
 */
public final class RedisGroupExposure implements GroupExposure {
    private static final Logger log = LoggerFactory.getLogger(RedisGroupExposure.class);
    /** Longer than a republish period plus a reconnect: every live host has written its lots again by then. */
    static final Duration RESYNC = Duration.ofSeconds(3);
    private static final long REPUBLISH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final String BOOK = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local epoch = redis.call('GET', KEYS[2])
            if not epoch then
              redis.call('SET', KEYS[2], now)
              epoch = now
            end
            if now - tonumber(epoch) < tonumber(ARGV[5]) then
              return {'RESYNC', tostring(now - tonumber(epoch))}
            end
            local others, holders, who = 0, 0, {}
            local all = redis.call('HGETALL', KEYS[1])
            for i = 1, #all, 2 do
              local v = tonumber(all[i + 1])
              if all[i] ~= ARGV[1] and v > 0 then
                others = others + v
                holders = holders + 1
                who[#who + 1] = all[i] .. '=' .. all[i + 1]
              end
            end
            local maxLots, maxHolders = tonumber(ARGV[3]), tonumber(ARGV[4])
            if maxLots >= 0 and others + tonumber(ARGV[2]) > maxLots then
              return {'LOTS', tostring(others), table.concat(who, ',')}
            end
            if maxHolders > 0 and holders + 1 > maxHolders then
              return {'HOLDERS', tostring(holders), table.concat(who, ',')}
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return {'OK'}
            """;

    private final GroupLimits limits;
    private final String account;
    private final String prefix;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService connector;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;
    /** Every Redis command this account sent (bookings and publications), for the scaling figures. */
    private final AtomicLong commands = new AtomicLong();
    /** What Redis was last sent for each symbol (a failed write is forgotten, so it is sent again). */
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private long republishedNanos;
    private boolean republishedOnce;
    private boolean reachable = true;

    public RedisGroupExposure(String redisUrl, GroupLimits limits, String account) {
        this.limits = limits;
        this.account = account;
        this.prefix = "vproptrader:group:" + limits.group() + ":";
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(TIMEOUT);
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "group-exposure");
            t.setDaemon(true);
            return t;
        });
        connector.execute(this::connect);
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            connection = client.connect();
        } catch (RuntimeException e) {
            connector.schedule(this::connect, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public Optional<Refusal> book(String symbol, double lots) {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            return unknown("not connected yet");
        }
        List<Object> answer;
        try {
            commands.incrementAndGet();
            answer = c.sync().eval(BOOK, ScriptOutputType.MULTI, new String[] {key(symbol), prefix + "epoch"}, account,
                    String.valueOf(hundredths(lots, RoundingMode.CEILING)),
                    limits.maxLotsPerSymbol() == null ? "-1"
                            : String.valueOf(hundredths(limits.maxLotsPerSymbol().doubleValue(), RoundingMode.FLOOR)),
                    String.valueOf(limits.maxHoldersPerSymbol()), String.valueOf(RESYNC.toMillis()));
        } catch (RedisException e) {
            return unknown(e.getMessage());
        }
        reachable(true);
        String verdict = String.valueOf(answer.get(0));
        return switch (verdict) {
            case "OK" -> {
                published.put(symbol, hundredths(lots, RoundingMode.CEILING));
                yield Optional.empty();
            }
            case "RESYNC" -> Optional.of(new Refusal("GROUP_RESYNC", "group " + limits.group() + ": Redis started "
                    + answer.get(1) + " ms ago without the group's book; waiting " + RESYNC.toMillis()
                    + " ms for every host to publish its lots again"));
            case "LOTS" -> Optional.of(new Refusal("GROUP_LOTS_CAP", "group " + limits.group() + " holds "
                    + lotsText(answer.get(1)) + " lots on " + symbol + " (" + holders(answer) + ") + " + lots + " > "
                    + limits.maxLotsPerSymbol().toPlainString()));
            default -> Optional.of(new Refusal("GROUP_HOLDERS_CAP", "group " + limits.group() + ": " + answer.get(1)
                    + " accounts hold " + symbol + " (" + holders(answer) + "), cap " + limits.maxHoldersPerSymbol()));
        };
    }

    @Override
    public void holding(Map<String, Double> lotsBySymbol, long nowNanos) {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null || !c.isOpen()) {
            return;
        }
        boolean all = !republishedOnce || nowNanos - republishedNanos >= REPUBLISH_NANOS;
        if (all) {
            republishedNanos = nowNanos;
            republishedOnce = true;
        }
        for (Map.Entry<String, Double> e : lotsBySymbol.entrySet()) {
            long lots = hundredths(e.getValue(), RoundingMode.CEILING);
            Long before = published.put(e.getKey(), lots);
            // a field that is absent reads as 0: only a change to 0 needs sending, every held symbol each second
            if ((before == null ? lots != 0 : before != lots) || (all && lots > 0)) {
                commands.incrementAndGet();
                // asynchronous and in order on this one connection, after any booking this loop made before
                (lots == 0 ? c.async().hdel(key(e.getKey()), account)
                        : c.async().hset(key(e.getKey()), account, String.valueOf(lots)))
                        .whenComplete((ok, failure) -> {
                            if (failure != null) {
                                published.remove(e.getKey());
                            }
                        });
            }
        }
    }

    /** Redis commands sent so far (bookings and publications). */
    public long commands() {
        return commands.get();
    }

    private Optional<Refusal> unknown(String why) {
        reachable(false);
        return Optional.of(new Refusal("GROUP_EXPOSURE_UNKNOWN", "group " + limits.group()
                + ": Redis unreachable (" + why + "), the other accounts' lots are unknown"));
    }

    private void reachable(boolean now) {
        if (now != reachable) {
            reachable = now;
            if (now) {
                log.info("group {}: Redis reachable again, bookings resume", limits.group());
            } else {
                log.warn("group {}: Redis unreachable, no new position opens until it is back", limits.group());
            }
        }
    }

    private String key(String symbol) {
        return prefix + "lots:" + symbol;
    }

    private static long hundredths(double lots, RoundingMode rounding) {
        return BigDecimal.valueOf(lots).movePointRight(2).setScale(0, rounding).longValueExact();
    }

    private static String lotsText(Object hundredths) {
        return BigDecimal.valueOf(Long.parseLong(String.valueOf(hundredths)), 2).toPlainString();
    }

    private static String holders(List<Object> answer) {
        StringBuilder out = new StringBuilder();
        for (String part : String.valueOf(answer.get(2)).split(",")) {
            int at = part.lastIndexOf('=');
            if (at > 0) {
                out.append(out.length() == 0 ? "" : ", ").append(part, 0, at).append(' ')
                        .append(lotsText(part.substring(at + 1)));
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown();
        resources.shutdown();
    }
}
