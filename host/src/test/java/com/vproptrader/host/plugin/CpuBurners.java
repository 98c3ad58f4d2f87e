package com.vproptrader.host.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Threads that burn CPU beside the code under test (busy neighbours on the same cores) until closed. */
public final class CpuBurners implements AutoCloseable {
    private final AtomicBoolean burning = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    public CpuBurners(int count) {
        for (int i = 0; i < count; i++) {
            Thread burner = new Thread(() -> {
                long n = 0;
                while (burning.get()) {
                    n++;
                }
            }, "cpu-burner-" + i);
            burner.setDaemon(true);
            burner.start();
            threads.add(burner);
        }
    }

    @Override
    public void close() throws InterruptedException {
        burning.set(false);
        for (Thread t : threads) {
            t.join();
        }
    }
}
