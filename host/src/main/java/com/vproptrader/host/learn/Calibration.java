package com.vproptrader.host.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability of a probability model out of sample: entries grouped by predicted probability in ten equal
 * bins, each with its mean prediction and the share that did reach TP1 first. A calibrated model's bins sit on
 * the diagonal.
 */
public final class Calibration {
    static final int BINS = 10;

    /** One non-empty bin. */
    public record Bin(double predicted, double observed, int count) {
    }

    private Calibration() {
    }

    public static List<Bin> of(double[] p, boolean[] y) {
        double[] sumP = new double[BINS];
        int[] hits = new int[BINS];
        int[] n = new int[BINS];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(BINS - 1, Math.max(0, (int) (p[i] * BINS)));
            sumP[b] += p[i];
            hits[b] += y[i] ? 1 : 0;
            n[b]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            if (n[b] > 0) {
                out.add(new Bin(sumP[b] / n[b], hits[b] / (double) n[b], n[b]));
            }
        }
        return out;
    }

    /** "predicted,observed,count" per bin, bins separated by ';' (how the registry stores them). */
    static String encode(List<Bin> bins) {
        StringBuilder s = new StringBuilder();
        for (Bin b : bins) {
            s.append(s.length() == 0 ? "" : ";").append(b.predicted()).append(',').append(b.observed()).append(',')
                    .append(b.count());
        }
        return s.toString();
    }

    static List<Bin> decode(String text) {
        List<Bin> out = new ArrayList<>();
        for (String bin : text.split(";")) {
            if (!bin.isBlank()) {
                String[] f = bin.split(",");
                out.add(new Bin(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Integer.parseInt(f[2])));
            }
        }
        return out;
    }
}
