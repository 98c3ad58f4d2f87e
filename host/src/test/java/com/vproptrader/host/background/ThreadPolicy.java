package com.vproptrader.host.background;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kernel's scheduling policy of the calling thread, for tests. */
public final class ThreadPolicy {
    public static final int SCHED_OTHER = 0;
    public static final int SCHED_IDLE = 5;

    private ThreadPolicy() {
    }

    /** Field 41 (policy) of the kernel's stat line of the calling thread (after the name in parentheses: field 3 is first). */
    public static int own() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[41 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
