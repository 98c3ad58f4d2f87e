package com.vproptrader.host.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds JARs in the plugin folder that are new or changed since the last look, and waits until each has
 * stopped changing (size and mtime equal over a short settle time) so a JAR still being copied is not
 * read half-written. Dropping by atomic rename avoids the wait's guesswork altogether.
 */
final class JarDrops {
    private static final long SETTLE_MILLIS = 20;
    private static final long MAX_WAIT_MILLIS = 30_000;

    private record Stamp(long size, long modified) {
    }

    private final Path dir;
    private final Map<Path, Stamp> seen = new HashMap<>();

    JarDrops(Path dir) {
        this.dir = dir;
    }

    /** The changed JARs, settled; each is reported once per distinct content stamp. */
    List<Path> changed() throws InterruptedException {
        Map<Path, Stamp> pending = new HashMap<>();
        for (Path jar : jars()) {
            Stamp s = stamp(jar);
            if (s != null && !s.equals(seen.get(jar))) {
                pending.put(jar, s);
            }
        }
        List<Path> settled = new ArrayList<>();
        long giveUp = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        while (!pending.isEmpty()) {
            Thread.sleep(SETTLE_MILLIS);
            boolean timedOut = System.currentTimeMillis() > giveUp;
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                Stamp now = stamp(e.getKey());
                if (now == null) {
                    it.remove(); // deleted or renamed away while settling
                } else if (now.equals(e.getValue()) || timedOut) {
                    seen.put(e.getKey(), now);
                    settled.add(e.getKey());
                    it.remove();
                } else {
                    e.setValue(now);
                }
            }
        }
        settled.sort(null);
        return settled;
    }

    private List<Path> jars() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Stamp stamp(Path p) {
        try {
            var a = Files.readAttributes(p, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.MICROSECONDS));
        } catch (IOException e) {
            return null;
        }
    }
}
