package com.vproptrader.host.plugin;

import com.vproptrader.proto.PluginState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which plugin version serves: brings dropped JARs in beside the running version, validates
 * them, swaps, retires the old version, and rolls back to the previous version when one is quarantined.
 *
 * <p>Everything here runs on the single control thread except {@link #quarantine}, which the event loop
 * calls when a plugin fails it; that one only withdraws the version and hands the rest to the control
 * thread. One thread means no two loads or swaps ever interleave.
 */
final class Rollout {
    private static final Logger log = LoggerFactory.getLogger(Rollout.class);
    private static final long UNLOAD_MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** A version that served before and can serve again: its staged JAR outlives its unload. */
    private record Staged(JarManifest manifest, Path jar, Ledger.Entry entry) {
    }

    private final Catalog catalog;
    private final Ledger ledger;
    private final VersionLoader loader;
    private final SmokeTest smoke;
    private final Path staging;
    private final ScheduledExecutorService control;
    private final JarAllowList allowList;
    private final VersionManager versions = new DefaultVersionManager();
    private final Map<String, Deque<Staged>> previous = new HashMap<>(); // control thread only
    /** Versions an operator disabled, by plugin id, with the JAR names set aside for them; control thread only. */
    private final Map<String, Disabled> disabled = new HashMap<>();
    private final AtomicLong incoming = new AtomicLong();
    private final Set<LoadedVersion> retiring = ConcurrentHashMap.newKeySet();

    Rollout(Catalog catalog, Ledger ledger, VersionLoader loader, SmokeTest smoke, Path staging,
            ScheduledExecutorService control, JarAllowList allowList) {
        this.allowList = allowList;
        this.catalog = catalog;
        this.ledger = ledger;
        this.loader = loader;
        this.smoke = smoke;
        this.staging = staging;
        this.control = control;
    }

    /** A dropped JAR copied to staging, with its manifest (null when unreadable). */
    private record Incoming(String name, Path copy, JarManifest manifest, String refusal, long seenNanos) {
    }

    /**
     * Considers JARs found in the plugin folder (new files or new content). Versions of one id are taken
     * oldest first, so a folder holding 1.0.0 and 2.0.0 ends with 2.0.0 serving and 1.0.0 kept for
     * rollback. Control thread.
     */
    void offer(List<Path> dropped) {
        List<Incoming> batch = new ArrayList<>();
        for (Path p : dropped) {
            Incoming in = stageIncoming(p);
            if (in != null) {
                batch.add(in);
            }
        }
        batch.sort(this::oldestFirst);
        batch.forEach(this::consider);
    }

    private Incoming stageIncoming(Path dropped) {
        String name = dropped.getFileName().toString();
        long seen = System.nanoTime();
        Path copy = staging.resolve("incoming").resolve(incoming.incrementAndGet() + "-" + name);
        try {
            // Everything after this reads the private copy, so the folder may be overwritten meanwhile.
            Files.createDirectories(copy.getParent());
            Files.copy(dropped, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("cannot copy {} to staging: {}", dropped, e.toString());
            return null;
        }
        // The private copy is what gets hashed and what loads: a JAR swapped in the folder after the check never runs.
        String unverified = allowList.refusal(copy);
        if (unverified != null) {
            return new Incoming(name, copy, null, unverified, seen);
        }
        try {
            return new Incoming(name, copy, JarManifest.read(copy), null, seen);
        } catch (RefusedException e) {
            return new Incoming(name, copy, null, e.getMessage(), seen);
        }
    }

    private int oldestFirst(Incoming a, Incoming b) {
        if (a.manifest() == null || b.manifest() == null
                || !a.manifest().pluginId().equals(b.manifest().pluginId())) {
            return a.name().compareTo(b.name());
        }
        try {
            return versions.compareVersions(a.manifest().version(), b.manifest().version());
        } catch (RuntimeException notSemantic) {
            return a.name().compareTo(b.name());
        }
    }

    private void consider(Incoming in) {
        JarManifest m = in.manifest();
        if (m == null) {
            deleteQuietly(in.copy());
            String id = in.name().substring(0, in.name().length() - ".jar".length());
            ledger.move(ledger.open(id, "", in.name()), PluginState.QUARANTINED, in.refusal());
            return;
        }
        if (ledger.find(Ledger.key(m.pluginId(), m.version())) != null) {
            deleteQuietly(in.copy());
            log.info("{} dropped again as {}: already seen, ignored", m.label(), in.name());
            return;
        }
        Ledger.Entry entry = ledger.open(m.pluginId(), m.version(), in.name());
        LoadedVersion active = catalog.serving(m.pluginId());
        String older = olderThan(m, active);
        if (older != null) {
            deleteQuietly(in.copy());
            ledger.move(entry, PluginState.QUARANTINED, older);
            return;
        }
        ledger.move(entry, PluginState.LOADING, "validating beside " + (active == null ? "nothing" : active.label()));
        Path jar;
        try {
            jar = staging.resolve(safe(m.pluginId())).resolve(safe(m.version())).resolve(in.name());
            Files.createDirectories(jar.getParent());
            Files.move(in.copy(), jar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            ledger.move(entry, PluginState.QUARANTINED, "cannot stage: " + e);
            return;
        }
        LoadedVersion next = loadAndCheck(new Staged(m, jar, entry), "");
        if (next != null) {
            swapIn(next, active == null ? "loaded" : "replaced " + active.label());
            log.info("{} serving {} ms after its JAR settled (copy, load, smoke call, swap)", m.label(),
                    (System.nanoTime() - in.seenNanos()) / 1_000_000);
        }
    }

    /**
     * Takes a version that failed at run time out of service at once and restores the one it replaced.
     * Called on the event-loop thread: only the withdrawal happens here, loading waits for the control thread.
     */
    void quarantine(LoadedVersion failed, String reason) {
        if (!catalog.withdraw(failed)) {
            return; // already out of service: a concurrent failure or a swap got there first
        }
        ledger.move(failed.entry, PluginState.QUARANTINED, reason);
        retire(failed);
        try {
            control.execute(() -> restore(failed));
        } catch (RejectedExecutionException closing) {
            log.debug("closing: {} not restored", failed.label());
        }
    }

    private void restore(LoadedVersion failed) {
        String id = failed.manifest.pluginId();
        if (catalog.serving(id) != null) {
            return; // a newer version arrived meanwhile
        }
        Deque<Staged> stack = previous.getOrDefault(id, new ArrayDeque<>());
        while (!stack.isEmpty()) {
            Staged s = stack.pop();
            LoadedVersion back = loadAndCheck(s, "restore failed: ");
            if (back != null) {
                swapIn(back, "restored after " + failed.label() + " was quarantined");
                return;
            }
        }
        log.warn("plugin {} has no earlier version to restore; it no longer serves", id);
    }

    /** Loads and smoke-tests; on refusal records the reason and returns null. */
    private LoadedVersion loadAndCheck(Staged s, String reasonPrefix) {
        LoadedVersion v = null;
        try {
            v = loader.load(s.manifest(), s.jar(), s.entry());
            ledger.kinds(s.entry(), v.kinds());
            smoke.check(v);
            return v;
        } catch (RefusedException e) {
            if (v != null) {
                v.unload();
            }
            ledger.move(s.entry(), PluginState.QUARANTINED, reasonPrefix + e.getMessage());
            return null;
        }
    }

    private void swapIn(LoadedVersion next, String reason) {
        LoadedVersion old = catalog.activate(next);
        disabled.remove(next.manifest.pluginId()); // serving again (enabled, or a new version dropped)
        ledger.move(next.entry, PluginState.ACTIVE, reason);
        if (old != null) {
            previous.computeIfAbsent(old.manifest.pluginId(), k -> new ArrayDeque<>())
                    .push(new Staged(old.manifest, old.stagedJar, old.entry));
            ledger.move(old.entry, PluginState.RETIRED, "replaced by " + next.label());
            retire(old);
        }
    }

    /**
     * Unloads a version no longer serving as soon as no call runs on it. Calls that still hold its slot
     * are routed to the serving version (Catalog.View#resolve), so it is not needed after that. A call
     * stuck past its budget has been abandoned by then; the wait cap only guards against surprises.
     */
    void retire(LoadedVersion old) {
        retiring.add(old);
        long giveUp = System.nanoTime() + UNLOAD_MAX_WAIT_NANOS;
        Runnable attempt = new Runnable() {
            @Override
            public void run() {
                if (old.inFlight() > 0 && System.nanoTime() < giveUp) {
                    control.schedule(this, 5, TimeUnit.MILLISECONDS);
                } else if (retiring.remove(old)) {
                    old.unload();
                }
            }
        };
        try {
            control.execute(attempt);
        } catch (RejectedExecutionException closing) {
            unloadRetiring();
        }
    }

    /**
     * Hands the serving version of {@code pluginId} over to another plugin folder (a shadow being promoted):
     * its staged JAR is copied there under a temporary name and moved into place in one step, then it stops
     * serving here. Returns the version's label and the file name it was dropped here as. Control thread.
     */
    String[] handOver(String pluginId, Path toFolder, String servingThereVersion) throws IOException {
        LoadedVersion v = catalog.serving(pluginId);
        if (v == null) {
            throw new IllegalArgumentException("no shadow of " + pluginId + " runs");
        }
        if (servingThereVersion != null && versions.compareVersions(v.manifest.version(), servingThereVersion) <= 0) {
            throw new IllegalStateException(v.label() + " is not newer than the serving " + pluginId + "@"
                    + servingThereVersion + ": the plugin host would ignore it");
        }
        String name = safe(pluginId) + "-" + safe(v.manifest.version()) + ".jar";
        Path tmp = toFolder.resolve("." + name + ".part");
        Files.copy(v.stagedJar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, toFolder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (catalog.withdraw(v)) {
            ledger.move(v.entry, PluginState.RETIRED, "promoted to serving as " + name);
            retire(v);
        }
        return new String[] {v.label(), ledger.jar(v.entry)};
    }

    /**
     * Stops serving {@code pluginId} here without a successor (a shadow judged and not promoted): its JAR was
     * removed from the folder first, so no rescan loads it again. Returns its label, or null when none served.
     * Control thread.
     */
    String withdraw(String pluginId, String reason) {
        LoadedVersion v = catalog.serving(pluginId);
        if (v == null || !catalog.withdraw(v)) {
            return null;
        }
        ledger.move(v.entry, PluginState.RETIRED, reason);
        retire(v);
        return v.label();
    }

    /** A version an operator took out of service, and the folder's JARs of its id set aside meanwhile. */
    private record Disabled(Staged version, List<String> jars) {
    }

    /** What an operator command did: the human text, and the plugin folder's JAR names it set aside (or brought back). */
    record Outcome(String detail, List<String> jars) {
    }

    /**
     * Operator: {@code pluginId} stops serving with no successor (its alpha votes no more, its filter vetoes no more,
     * its model scores no more) from the next event on. Every JAR of that id the folder holds is to be set aside, so a
     * restart does not serve it again. Control thread.
     */
    Outcome disable(String pluginId, String reason) {
        LoadedVersion v = catalog.serving(pluginId);
        if (v == null || !catalog.withdraw(v)) {
            throw new IllegalArgumentException("no version of " + pluginId + " serves");
        }
        ledger.move(v.entry, PluginState.DISABLED, reason);
        retire(v);
        List<String> jars = ledger.jars(pluginId);
        disabled.put(pluginId, new Disabled(new Staged(v.manifest, v.stagedJar, v.entry), jars));
        return new Outcome("disabled " + v.label(), jars);
    }

    /** Operator: the version disabled last serves again (validated again first); its JARs come back. Control thread. */
    Outcome enable(String pluginId, String reason) {
        Disabled d = disabled.get(pluginId);
        if (d == null) {
            throw new IllegalArgumentException(pluginId + " is not disabled");
        }
        LoadedVersion v = loadAndCheck(d.version(), "enable failed: ");
        if (v == null) {
            throw new IllegalStateException("cannot enable " + d.version().manifest().label() + ": "
                    + ledger.reason(d.version().entry()));
        }
        swapIn(v, reason);
        return new Outcome("enabled " + v.label(), d.jars());
    }

    /**
     * Operator: one step back to the version {@code pluginId} served before the one serving now, validated first and
     * swapped in like any new version (between two events); the one rolled back from retires and is not offered
     * again, and its JAR is to be set aside. Refused, nothing changed, when none served before here. Control thread.
     */
    Outcome rollback(String pluginId, String reason) {
        LoadedVersion now = catalog.serving(pluginId);
        if (now == null) {
            throw new IllegalArgumentException("no version of " + pluginId + " serves: nothing to roll back from");
        }
        Deque<Staged> stack = previous.get(pluginId);
        if (stack == null || stack.isEmpty()) {
            throw new IllegalStateException(now.label() + " replaced nothing here: there is no version to roll back to");
        }
        Staged before = stack.pop();
        LoadedVersion back = loadAndCheck(before, "rollback failed: ");
        if (back == null) {
            throw new IllegalStateException("cannot roll back to " + before.manifest().label() + " ("
                    + ledger.reason(before.entry()) + "); " + now.label() + " still serves");
        }
        catalog.activate(back); // one step: the new view holds the older version, the next event reads it
        ledger.move(back.entry, PluginState.ACTIVE, "rolled back from " + now.label() + ": " + reason);
        ledger.move(now.entry, PluginState.RETIRED, "rolled back to " + back.label() + ": " + reason);
        retire(now);
        return new Outcome("rolled back " + now.label() + " to " + back.label(), List.of(ledger.jar(now.entry)));
    }

    /** Unloads what is still waiting to be retired; for close, once the control thread has stopped. */
    void unloadRetiring() {
        for (LoadedVersion v : List.copyOf(retiring)) {
            if (retiring.remove(v)) {
                v.unload();
            }
        }
    }

    /** The reason to ignore {@code m} because a newer version already serves, or null. */
    private String olderThan(JarManifest m, LoadedVersion active) {
        if (active == null) {
            return null;
        }
        try {
            return versions.compareVersions(m.version(), active.manifest.version()) < 0
                    ? "ignored: older than the serving " + active.label() : null;
        } catch (RuntimeException e) {
            return "version '" + m.version() + "' is not a semantic version (" + e.getMessage() + ")";
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // staging is a temp folder removed on close
        }
    }
}
