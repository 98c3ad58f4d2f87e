package com.vproptrader.host.plugin;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@code onChange} soon after anything changes in the plugin folder, and at least once per poll
 * interval regardless: WatchService events are immediate on a local Linux disk but never arrive on some
 * network and container mounts, so the periodic rescan is the fallback that always works.
 */
final class FolderWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

    private final Path dir;
    private final long pollMillis;
    private final Runnable onChange;
    private final WatchService watch;
    private final Thread thread;
    private volatile boolean closed;

    /** Registers with the folder at once, so nothing dropped after construction is missed. */
    FolderWatcher(Path dir, Duration pollInterval, Runnable onChange) {
        this.dir = dir;
        this.pollMillis = pollInterval.toMillis();
        this.onChange = onChange;
        this.watch = register(dir);
        this.thread = new Thread(this::loop, "vpt-plugin-watch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private static WatchService register(Path dir) {
        try {
            WatchService ws = FileSystems.getDefault().newWatchService();
            dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            return ws;
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("no file events for {} ({}); polling only", dir, e.toString());
            return null;
        }
    }

    private void loop() {
        while (!closed) {
            try {
                if (watch == null) {
                    Thread.sleep(pollMillis);
                } else {
                    WatchKey key = watch.poll(pollMillis, TimeUnit.MILLISECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                }
                onChange.run();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                log.error("plugin folder watch of {} failed once; continuing", dir, e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException ignored) {
                // closing: nothing left to do
            }
        }
    }
}
