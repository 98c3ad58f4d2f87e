package com.vproptrader.host.plugin;

import com.vproptrader.proto.PluginInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of one host: loads every JAR in a folder, hot-swaps new versions dropped there, and guards
 * every call so a failing plugin is quarantined instead of hurting the event loop.
 *
 * <p>Event-loop contract: call {@link #current()} once per event and make every plugin call of that
 * event through {@link #call} with a slot of that snapshot. A new version becomes visible at the next
 * {@code current()}, i.e. between two events. Never call {@code slot.extension()} directly: only
 * {@code call} enforces the time budget and quarantine. The old version is unloaded as soon as no call
 * runs on it; a slot taken before the swap and used after it runs on the new version (so an event that
 * calls the same plugin twice across a swap sees both versions; one call per plugin per event never does).
 *
 * <p>{@link #lockstep} is the replay's host: calls run on the caller's thread with no wall-clock budget,
 * so a replay's decisions never depend on how loaded the machine is (a throw or a null still quarantines).
 * A plugin that never returns stalls a replay; live it is cut off by the guard.
 */
public final class PluginHost implements AutoCloseable {
    public static final Duration DEFAULT_CALL_BUDGET = Duration.ofMillis(50);
    /** How often the folder is rescanned when file events are missing (network and container mounts). */
    public static final Duration RESCAN_INTERVAL = Duration.ofSeconds(1);
    /** Subfolder of the plugin folder for versions dropped as shadow. */
    public static final String SHADOW_FOLDER = "shadow";
    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final Path pluginDir;
    private final long budgetNanos;
    /** Calls run on the caller's thread, unguarded by time (replay); else guarded, see {@link #call}. */
    private final boolean inline;
    /** Watches the threads whose calls run in place (the account loops); shared with the shadow host. */
    private final LoopWatch watch;
    private final Catalog catalog = new Catalog();
    private final Ledger ledger = new Ledger();
    private final Runners runners = new Runners();
    private final ScheduledThreadPoolExecutor control;
    private final Path staging;
    private final Rollout rollout;
    private final JarDrops drops;
    private final AtomicBoolean scanQueued = new AtomicBoolean();
    private FolderWatcher watcher;
    /** The versions dropped as shadow, in their own host; null in that shadow host itself. */
    private final PluginHost shadow;

    /**
     * @param pluginDir  the folder operators drop plugin JARs into; created if missing
     * @param callBudget the time one plugin call may take before its version is quarantined
     */
    public PluginHost(Path pluginDir, Duration callBudget) {
        this(pluginDir, callBudget, JarAllowList.off());
    }

    /** As above, loading only the JARs the allow list names (shadow versions included). */
    public PluginHost(Path pluginDir, Duration callBudget, JarAllowList allowList) {
        this(pluginDir, callBudget, false, null, allowList);
    }

    public PluginHost(Path pluginDir) {
        this(pluginDir, DEFAULT_CALL_BUDGET);
    }

    /** The replay's plugin host: calls run on the caller's thread, so the outcome depends on the data only. */
    public static PluginHost lockstep(Path pluginDir) {
        return new PluginHost(pluginDir, DEFAULT_CALL_BUDGET, true, null, JarAllowList.off());
    }

    /** {@code shadowOf}: the watch of the host this one holds the shadows of, or null for a host of its own. */
    private PluginHost(Path pluginDir, Duration callBudget, boolean inline, LoopWatch shadowOf,
                       JarAllowList allowList) {
        this.inline = inline;
        this.pluginDir = pluginDir;
        this.budgetNanos = callBudget.toNanos();
        this.watch = shadowOf != null ? shadowOf : new LoopWatch(budgetNanos);
        this.control = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vpt-plugin-control");
            t.setDaemon(true);
            return t;
        });
        try {
            Files.createDirectories(pluginDir);
            this.staging = Files.createTempDirectory("vpt-plugin-staging-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.rollout = new Rollout(catalog, ledger, new VersionLoader(), new SmokeTest(runners, budgetNanos),
                staging, control, allowList);
        this.drops = new JarDrops(pluginDir);
        this.shadow = shadowOf == null
                ? new PluginHost(pluginDir.resolve(SHADOW_FOLDER), callBudget, inline, watch, allowList) : null;
    }

    /** Loads every JAR already in the folder (returns when done), then watches the folder. */
    public void start() {
        watcher = new FolderWatcher(pluginDir, RESCAN_INTERVAL, this::requestScan); // registers first: no gap
        try {
            control.submit(this::scan).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.error("initial plugin scan of {} failed", pluginDir, e.getCause());
        }
        watcher.start();
        if (shadow != null) {
            shadow.start();
        }
    }

    /**
     * Watches the threads whose plugin calls run in place, with no hand-off (an account's event loop registers
     * its thread here); calls from any other thread run on a guard worker.
     */
    public LoopWatch loopWatch() {
        return watch;
    }

    /** The folder the host loads plugin JARs from (its {@link #SHADOW_FOLDER} sub-folder holds shadows). */
    public Path pluginDir() {
        return pluginDir;
    }

    /** What serves now: an immutable snapshot, one volatile read. */
    public PluginSet current() {
        return catalog.view().set();
    }

    /**
     * Runs {@code fn} on the slot's extension within the call budget: in place on a watched thread (an account
     * loop, see {@link LoopWatch}), else on a worker thread dedicated to the calling thread ({@link CallRunner}).
     * A throw, a timeout or a null result quarantines that version (the previous one is restored in the
     * background) and returns empty; so does a slot whose plugin no longer serves. A slot from an older snapshot
     * runs on the version of its plugin serving now. The budget is the plugin's own time: when the machine, not
     * the plugin, holds the call up, it gets up to 20 budgets (see {@link PluginFault}). A watched thread whose
     * call is cut off never returns from here: it is abandoned and its loop carries on on a fresh thread.
     * Whatever {@code fn} does counts as the plugin's doing, so keep it to the extension call.
     */
    public <T, R> Optional<R> call(PluginSlot<T> slot, Function<T, R> fn) {
        // A second look is needed only when a swap lands between reading the view and entering the
        // version; the swap publishes its view before retiring the old version, so the next look finds it.
        for (int attempt = 0; attempt < 3; attempt++) {
            LoadedVersion.Bound b = catalog.view().resolve(slot);
            if (b == null) {
                return Optional.empty();
            }
            LoadedVersion owner = b.owner();
            owner.enter();
            boolean abandoned = false;
            try {
                if (owner.serving()) { // checked after enter(): a retiring version waits for this call
                    return this.<R>invokeAll(new LoadedVersion.Bound[] {b}, Batch.of(fn, b.extension())).get(0);
                }
            } catch (LoopWatch.Abandoned gone) {
                abandoned = true; // the cut-off released the version: this thread only unwinds
                throw gone;
            } finally {
                if (!abandoned) {
                    owner.exit();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Calls {@code fn} on each slot in order, as {@link #call} would one by one, but in ONE hand-off to the guard
     * worker (one wake-up per event instead of one per plugin). Each call keeps its own budget, timed from when
     * it starts, and a throw, a timeout or a null quarantines only that version; the calls after a cut-off one
     * still run, on a fresh worker. After the first result {@code stopAfter} accepts (null: none) no further slot
     * is called.
     *
     * @return one answer per slot called, in order (shorter than {@code slots} after a stop)
     */
    public <T, R> List<Optional<R>> callEach(List<PluginSlot<T>> slots, Function<T, R> fn, Predicate<R> stopAfter) {
        int n = slots.size();
        // a slot whose plugin no longer serves answers empty, as call() does; the others go in the batch
        int[] member = new int[n];
        LoadedVersion.Bound[] bound = new LoadedVersion.Bound[n];
        int m = 0;
        boolean allServing = true;
        boolean abandoned = false;
        try {
            for (int i = 0; i < n; i++) {
                LoadedVersion.Bound b = catalog.view().resolve(slots.get(i));
                if (b != null) {
                    b.owner().enter();
                    bound[m] = b;
                    member[m++] = i;
                    allServing &= b.owner().serving(); // checked after enter(): a retiring version waits for this call
                }
            }
            if (allServing) {
                Object[] targets = new Object[m];
                for (int k = 0; k < m; k++) {
                    targets[k] = bound[k].extension();
                }
                List<Optional<R>> batch = invokeAll(Arrays.copyOf(bound, m), new Batch(fn, targets, stopAfter));
                int length = batch.size() < m ? member[batch.size() - 1] + 1 : n; // shorter after a stop
                List<Optional<R>> answers = new ArrayList<>(length);
                for (int i = 0, k = 0; i < length; i++) {
                    answers.add(k < batch.size() && member[k] == i ? batch.get(k++) : Optional.empty());
                }
                return answers;
            }
        } catch (LoopWatch.Abandoned gone) {
            abandoned = true; // the cut-off released the versions: this thread only unwinds
            throw gone;
        } finally {
            for (int k = 0; k < m && !abandoned; k++) {
                bound[k].owner().exit();
            }
        }
        // A swap landed in between: one call at a time, as call() resolves them.
        List<Optional<R>> answers = new ArrayList<>(n);
        for (PluginSlot<T> slot : slots) {
            Optional<R> answer = call(slot, fn);
            answers.add(answer);
            if (answer.isPresent() && stopAfter != null && stopAfter.test(answer.get())) {
                break;
            }
        }
        return answers;
    }

    /** {@link #callEach} with every shadow version of each called plugin compared, as {@link #call(PluginSlot, Function, ShadowCompare)} does. */
    public <T, R> List<Optional<R>> callEach(List<PluginSlot<T>> slots, Function<T, R> fn, Predicate<R> stopAfter,
                                             ShadowCompare<R> compare) {
        List<Optional<R>> serving = callEach(slots, fn, stopAfter);
        if (shadow != null && hasShadows()) {
            for (int i = 0; i < serving.size(); i++) {
                compareShadows(slots.get(i), fn, compare, serving.get(i));
            }
        }
        return serving;
    }

    @SuppressWarnings("unchecked")
    private <R> List<Optional<R>> invokeAll(LoadedVersion.Bound[] bound, Batch batch) {
        int[] cutOff = new int[bound.length];
        int cuts = 0;
        LoopWatch.Watched watched = inline ? null : watch.here();
        while (batch.from < batch.size()) {
            try {
                if (inline || watched != null) {
                    runInPlace(watched, batch, bound);
                } else {
                    runners.run(batch, budgetNanos);
                }
                break;
            } catch (CallRunner.TimeoutException e) {
                batch.cutOff(e.index);
                cutOff[cuts++] = e.index;
            }
        }
        List<Optional<R>> answers = new ArrayList<>(batch.ran());
        int nextCut = 0;
        for (int i = 0; i < batch.ran(); i++) { // the calls after a stop never ran
            LoadedVersion.Bound b = bound[i];
            b.owner().entry.calls.increment();
            if (nextCut < cuts && cutOff[nextCut] == i) {
                nextCut++;
                answers.add(fail(b, overBudget(b)));
            } else if (batch.errors[i] != null) {
                answers.add(fail(b, "threw " + Failures.describe(batch.errors[i]) + " (" + b.kind().label + " call)"));
            } else if (batch.results[i] == null) {
                answers.add(fail(b, "returned null (" + b.kind().label + " call)"));
            } else {
                answers.add(Optional.of((R) batch.results[i]));
            }
        }
        return answers;
    }

    /**
     * Runs the batch's calls in order on the calling thread; on a watched thread (an account loop) each call is
     * claimed from the watchdog first, so one that overruns is cut off ({@link #cutOff}) and this thread abandoned.
     */
    private void runInPlace(LoopWatch.Watched watched, Batch batch, LoadedVersion.Bound[] bound) {
        LoopWatch.CutOff cut = watched == null ? null : call -> cutOff(bound, call); // one per batch, not per call
        for (int i = batch.from; i < batch.size(); i++) {
            boolean stop;
            if (watched == null) {
                stop = batch.runOne(i);
            } else {
                watched.begin(cut, i);
                stop = batch.runOne(i);
                watched.end();
            }
            if (stop) {
                batch.stopAt(i);
                break;
            }
        }
    }

    /**
     * On the watchdog's thread, once call {@code call} of a batch was cut off on its watched thread: that thread
     * never returns to release the batch's versions, so this does, and quarantines the overrunning one.
     */
    private String cutOff(LoadedVersion.Bound[] bound, int call) {
        for (LoadedVersion.Bound b : bound) {
            b.owner().exit();
        }
        LoadedVersion.Bound b = bound[call];
        b.owner().entry.calls.increment();
        String reason = overBudget(b);
        fail(b, reason);
        return b.owner().label() + " " + reason;
    }

    private String overBudget(LoadedVersion.Bound b) {
        return "exceeded its time budget of " + budgetNanos / 1_000_000.0 + " ms (" + b.kind().label + " call)";
    }

    private <R> Optional<R> fail(LoadedVersion.Bound b, String reason) {
        b.owner().entry.failures.increment();
        rollout.quarantine(b.owner(), reason);
        return Optional.empty();
    }

    /**
     * Calls a serving slot as {@link #call} does, then every shadow version of the same plugin id and kind with
     * the same input: each shadow's answer is compared with the serving one's and handed to {@code compare}'s
     * journal line, and never returned (a shadow never trades). A failing shadow is quarantined in the shadow
     * host and the serving answer is unaffected.
     */
    public <T, R> Optional<R> call(PluginSlot<T> slot, Function<T, R> fn, ShadowCompare<R> compare) {
        Optional<R> serving = call(slot, fn);
        if (shadow != null) {
            compareShadows(slot, fn, compare, serving);
        }
        return serving;
    }

    private boolean hasShadows() {
        PluginSet s = shadow.current();
        return !s.alphas().isEmpty() || !s.filters().isEmpty() || !s.models().isEmpty();
    }

    private <T, R> void compareShadows(PluginSlot<T> slot, Function<T, R> fn, ShadowCompare<R> compare,
                                       Optional<R> serving) {
        for (PluginSlot<?> s : shadow.current().ofKind(slot.kind())) {
            if (!s.pluginId().equals(slot.pluginId())) {
                continue;
            }
            @SuppressWarnings("unchecked")
            PluginSlot<T> same = (PluginSlot<T>) s;
            Optional<R> answer = shadow.call(same, fn);
            boolean agreed = answer.isPresent() && serving.isPresent() && compare.agree().test(answer.get(), serving.get());
            shadow.countComparison(same, agreed);
            answer.ifPresent(a -> compare.answers().accept(same.label(), a));
            compare.journal().accept(same.label() + " " + answer.map(compare.show()).orElse("no answer") + " | serving "
                    + slot.label() + " " + serving.map(compare.show()).orElse("no answer") + (agreed ? " | agree" : " | differ"));
        }
    }

    /** What serves as shadow now: versions dropped into {@code <plugin folder>/shadow}. */
    public PluginSet shadows() {
        return shadow == null ? PluginSet.EMPTY : shadow.current();
    }

    /**
     * Promotes the shadow version of {@code pluginId}: its JAR moves into the plugin folder, where it replaces
     * the serving version like any dropped JAR (validated, then swapped between two events), and it stops
     * running as shadow. Returns the promoted label.
     *
     * @throws IllegalArgumentException when no shadow of that id runs
     * @throws IllegalStateException    when the shadow is not newer than the serving version (it would be ignored)
     */
    public String promoteShadow(String pluginId) {
        if (shadow == null) {
            throw new IllegalStateException("a shadow host has no shadows of its own");
        }
        LoadedVersion serving = catalog.serving(pluginId);
        try {
            String[] handed = shadow.control.submit(() -> shadow.rollout.handOver(pluginId, pluginDir,
                    serving == null ? null : serving.manifest.version())).get();
            Files.deleteIfExists(shadow.pluginDir.resolve(handed[1])); // the shadow folder shows what runs as shadow
            return handed[0];
        } catch (IOException e) {
            throw new UncheckedIOException("promoted " + pluginId + " but could not clear its shadow JAR", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while promoting " + pluginId, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot promote " + pluginId + ": " + e.getCause(), e.getCause());
        }
    }

    /**
     * Ends the shadow run of {@code pluginId} without promoting it: its JAR leaves the shadow folder, then it
     * stops being called. Returns the withdrawn label, or "" when no shadow of that id ran.
     */
    public String withdrawShadow(String pluginId, String jarName, String reason) {
        if (shadow == null) {
            throw new IllegalStateException("a shadow host has no shadows of its own");
        }
        try {
            Files.deleteIfExists(shadow.pluginDir.resolve(jarName));
            String label = shadow.control.submit(() -> shadow.rollout.withdraw(pluginId, reason)).get();
            return label == null ? "" : label;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the shadow JAR " + jarName, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while withdrawing the shadow of " + pluginId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot withdraw the shadow of " + pluginId + ": " + e.getCause(), e.getCause());
        }
    }

    /** Sub-folder of the plugin folder where the JARs of disabled and rolled-back versions are set aside. */
    public static final String SET_ASIDE_FOLDER = "set-aside";

    /**
     * Operator: {@code pluginId} stops serving from the next event on, with no successor; its JARs move to the
     * {@link #SET_ASIDE_FOLDER} so a restart does not serve it. Returns what was done.
     *
     * @throws IllegalArgumentException when no version of that id serves
     */
    public String disable(String pluginId, String reason) {
        Rollout.Outcome done = onControl(() -> rollout.disable(pluginId, reason), "disable " + pluginId);
        moveJars(done.jars(), pluginDir, pluginDir.resolve(SET_ASIDE_FOLDER));
        return done.detail();
    }

    /**
     * Operator: the version of {@code pluginId} disabled last serves again, validated first; its JARs come back.
     *
     * @throws IllegalArgumentException when it is not disabled
     * @throws IllegalStateException    when it no longer validates (it stays out of service)
     */
    public String enable(String pluginId, String reason) {
        Rollout.Outcome done = onControl(() -> rollout.enable(pluginId, reason), "enable " + pluginId);
        moveJars(done.jars(), pluginDir.resolve(SET_ASIDE_FOLDER), pluginDir);
        return done.detail();
    }

    /**
     * Operator: one step back to the version of {@code pluginId} that served before the serving one, swapped in
     * between two events; the newer one's JAR is set aside. Returns what was done.
     *
     * @throws IllegalArgumentException when no version of that id serves
     * @throws IllegalStateException    when none served before it here, or it no longer validates (nothing changed)
     */
    public String rollback(String pluginId, String reason) {
        Rollout.Outcome done = onControl(() -> rollout.rollback(pluginId, reason), "roll back " + pluginId);
        moveJars(done.jars(), pluginDir, pluginDir.resolve(SET_ASIDE_FOLDER));
        return done.detail();
    }

    private <T> T onControl(java.util.concurrent.Callable<T> command, String what) {
        try {
            return control.submit(command).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot " + what + ": " + e.getCause(), e.getCause());
        }
    }

    /** Moves the named JARs that exist in {@code from} to {@code to} (the serving state has already changed). */
    private static void moveJars(List<String> names, Path from, Path to) {
        try {
            Files.createDirectories(to);
            for (String name : names) {
                Path jar = from.resolve(name);
                if (Files.isRegularFile(jar)) {
                    Files.move(jar, to.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the plugin's serving state changed, but its JARs could not be moved from "
                    + from + " to " + to, e);
        }
    }

    private void countComparison(PluginSlot<?> slot, boolean agreed) {
        LoadedVersion.Bound b = catalog.view().resolve(slot);
        if (b != null) {
            b.owner().entry.compared.increment();
            if (agreed) {
                b.owner().entry.agreed.increment();
            }
        }
    }

    /** Every version seen since start (and every unreadable JAR), with its state and reason; shadows marked. */
    public List<PluginInfo> describe() {
        List<PluginInfo> all = new java.util.ArrayList<>(ledger.describe());
        if (shadow != null) {
            shadow.describe().forEach(i -> all.add(i.toBuilder().setShadow(true).build()));
        }
        return all;
    }

    private void requestScan() {
        if (scanQueued.compareAndSet(false, true)) {
            control.execute(() -> {
                scanQueued.set(false);
                scan();
            });
        }
    }

    private void scan() {
        try {
            rollout.offer(drops.changed());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("plugin folder scan of {} failed", pluginDir, e);
        }
    }

    @Override
    public void close() {
        if (shadow != null) {
            shadow.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        control.shutdownNow();
        try {
            control.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LoadedVersion v : catalog.clear()) {
            v.unload();
        }
        rollout.unloadRetiring();
        runners.close();
        if (shadow != null) {
            watch.close(); // the shadow host shares it
        }
        deleteTree(staging);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("staging {} not fully removed: {}", root, e.toString());
        }
    }
}
