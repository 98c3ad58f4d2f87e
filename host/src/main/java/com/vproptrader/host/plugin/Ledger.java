package com.vproptrader.host.plugin;

import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginKind;
import com.vproptrader.proto.PluginState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin version (and every unreadable JAR) the host has seen, with its state and the reason for
 * it: what AdminService shows and what the log tells. State changes go through here so both agree.
 */
final class Ledger {
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    /** One version's record; the counters are shared with the loaded version while it serves. */
    static final class Entry {
        final String pluginId;
        final String version;
        final LongAdder calls = new LongAdder();
        final LongAdder failures = new LongAdder();
        /** As a shadow: answers compared with the serving version's, and how many agreed. */
        final LongAdder compared = new LongAdder();
        final LongAdder agreed = new LongAdder();
        private List<PluginKind> kinds = List.of();
        private String jar = "";
        private PluginState state = PluginState.LOADING;
        private String reason = "";
        private long sinceMs;

        private Entry(String pluginId, String version) {
            this.pluginId = pluginId;
            this.version = version;
        }
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    /** The entry of a version, or null if this id@version (or unreadable file) was never seen. */
    synchronized Entry find(String key) {
        return entries.get(key);
    }

    synchronized Entry open(String pluginId, String version, String jar) {
        Entry e = entries.computeIfAbsent(key(pluginId, version), k -> new Entry(pluginId, version));
        e.jar = jar;
        return e;
    }

    synchronized void kinds(Entry e, List<PluginKind> kinds) {
        e.kinds = kinds;
    }

    synchronized void move(Entry e, PluginState state, String reason) {
        e.state = state;
        e.reason = reason;
        e.sinceMs = System.currentTimeMillis();
        String line = "plugin {}@{} ({}) -> {}: {}";
        if (state == PluginState.QUARANTINED) {
            log.warn(line, e.pluginId, e.version, e.jar, state, reason);
        } else {
            log.info(line, e.pluginId, e.version, e.jar, state, reason);
        }
    }

    synchronized String jar(Entry e) {
        return e.jar;
    }

    synchronized String reason(Entry e) {
        return e.reason;
    }

    /** The JAR file names every seen version of {@code pluginId} was dropped as. */
    synchronized List<String> jars(String pluginId) {
        return entries.values().stream().filter(e -> e.pluginId.equals(pluginId) && !e.jar.isEmpty()).map(e -> e.jar)
                .distinct().toList();
    }

    synchronized PluginState state(Entry e) {
        return e.state;
    }

    synchronized List<PluginInfo> describe() {
        List<PluginInfo> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            out.add(PluginInfo.newBuilder().setPluginId(e.pluginId).setVersion(e.version).addAllKinds(e.kinds)
                    .setState(e.state).setReason(e.reason).setJar(e.jar).setSinceMs(e.sinceMs)
                    .setCalls(e.calls.sum()).setFailures(e.failures.sum())
                    .setShadowCompared(e.compared.sum()).setShadowAgreed(e.agreed.sum()).build());
        }
        return out;
    }

    static String key(String pluginId, String version) {
        return pluginId + "@" + version;
    }
}
