package com.vproptrader.host.govern;

import java.util.Locale;

/** Figures over all simulated paths: how many, breaches, and the least headroom ever seen. */
final class GovernedPathStats {
    static final GovernedPathStats GLOBAL = new GovernedPathStats();

    private long paths;
    private long steps;
    private long opened;
    private long vetoes;
    private long stopsHit;
    private long flattens;
    private long breaches;
    private double minDayHeadroomPct = Double.MAX_VALUE;
    private double minMaxHeadroomPct = Double.MAX_VALUE;
    private String minDayWhere = "";

    synchronized void add(GovernedPathSimulation.Result r) {
        paths++;
        steps += r.steps();
        opened += r.opened();
        vetoes += r.vetoes();
        stopsHit += r.stopsHit();
        flattens += r.flattens();
        breaches += r.breaches();
        if (r.minDayHeadroomPct() < minDayHeadroomPct) {
            minDayHeadroomPct = r.minDayHeadroomPct();
            minDayWhere = r.description();
        }
        minMaxHeadroomPct = Math.min(minMaxHeadroomPct, r.minMaxHeadroomPct());
        if (paths % 10_000 == 0) {
            System.out.println(report()); // progress on long runs
        }
    }

    synchronized long paths() {
        return paths;
    }

    synchronized String report() {
        return String.format(Locale.ROOT, "governed paths: %d paths, %d steps, %d positions opened, %d vetoes, "
                        + "%d stops hit, %d flattens/reduces, %d breaches; minimum headroom to the firm's daily floor "
                        + "%.4f%% of initial (%s), to the max-loss floor %.4f%%",
                paths, steps, opened, vetoes, stopsHit, flattens, breaches, minDayHeadroomPct, minDayWhere,
                minMaxHeadroomPct);
    }
}
