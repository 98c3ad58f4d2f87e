package com.vproptrader.host.navigator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs many independent paths from one start state, split over a few worker threads. Path {@code i} draws
 * from its own generator seeded by (seed, i), so the answer for a seed does not depend on the thread count
 * or scheduling, and two risk levels simulated with one seed see the same days (common random numbers: the
 * risk curve is smooth and its differences are sharper than the paths alone would allow).
 */
public final class Simulation {
    private final ExecutorService workers;
    private final int threads;

    public Simulation(ExecutorService workers, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.workers = workers;
        this.threads = threads;
    }

    Forecast run(StartState start, DaySampler sampler, double riskFraction, RiskBasis basis, int paths, long seed) {
        PathSimulator simulator = new PathSimulator(start, riskFraction, basis);
        AttemptEnd[] end = new AttemptEnd[paths];
        int[] day = new int[paths];
        List<Future<?>> parts = new ArrayList<>(threads);
        int chunk = (paths + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
            int from = t * chunk;
            int to = Math.min(paths, from + chunk);
            parts.add(workers.submit(() -> {
                for (int i = from; i < to; i++) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("simulation cancelled");
                    }
                    PathSimulator.Result r = simulator.run(sampler.cursor(new SplittableRandom(pathSeed(seed, i))));
                    end[i] = r.end();
                    day[i] = r.day();
                }
            }));
        }
        for (Future<?> part : parts) {
            try {
                part.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("simulation interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
            }
        }
        return Forecast.of(simulator.riskFraction(), end, day);
    }

    /** SplitMix64 of (seed, path): well-spread, independent-looking seeds for neighbouring paths. */
    static long pathSeed(long seed, long path) {
        long z = seed + (path + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
