package com.vproptrader.host.plugin;

import com.vproptrader.proto.PluginKind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.pf4j.PluginManager;

/**
 * One plugin version loaded in its own PF4J manager (PF4J refuses two versions of an id in one manager,
 * so each version gets its own; see docs/plugin-host.md). Counts calls in flight so it is unloaded only when none is.
 */
final class LoadedVersion {
    /** One extension of this version. */
    record Bound(LoadedVersion owner, Kind kind, Object extension) {
    }

    final JarManifest manifest;
    final Path stagedJar;
    final Ledger.Entry entry;
    private final PluginManager manager;
    private volatile List<Bound> bounds = List.of();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean serving;

    LoadedVersion(JarManifest manifest, Path stagedJar, Ledger.Entry entry, PluginManager manager) {
        this.manifest = manifest;
        this.stagedJar = stagedJar;
        this.entry = entry;
        this.manager = manager;
    }

    void bind(List<Bound> extensions) {
        bounds = List.copyOf(extensions);
    }

    List<Bound> bounds() {
        return bounds;
    }

    List<PluginKind> kinds() {
        return bounds.stream().map(b -> b.kind().wire).distinct().toList();
    }

    String label() {
        return manifest.label();
    }

    /** Marks a call as running on this version; pair with {@link #exit()}. */
    void enter() {
        inFlight.incrementAndGet();
    }

    void exit() {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }

    boolean serving() {
        return serving;
    }

    void serving(boolean value) {
        serving = value;
    }

    /**
     * Unloads the plugin and closes its JAR. unloadPlugins, not stopPlugins: the latter throws
     * ConcurrentModificationException in PF4J 3.15 (pf4j #656). Extensions are dropped so the class
     * loader can be collected.
     */
    void unload() {
        bounds = List.of();
        manager.unloadPlugins();
    }
}
