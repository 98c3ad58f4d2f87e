package com.vproptrader.host.learn;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one least-squares regression tree on {@link BinnedRows}, depth first. Each node keeps, per feature and
 * bin, the summed row weight and weighted target; the best split is a scan over those bins. Only the smaller
 * child's histogram is summed from its rows: the larger child's is its parent's minus the smaller's (the
 * sibling-subtraction trick of LightGBM), so each level reads at most half the rows.
 *
 * <p>The squared-error gain of a split is {@code S_L^2/W_L + S_R^2/W_R - S^2/W} (S weighted target sum, W
 * weight). On 0/1 targets that is proportional to the Gini impurity decrease, so the forest's classification
 * trees and the boosting rounds' residual trees are grown by the same code; a leaf holds the weighted mean
 * target (the TP1 share for the forest, the mean residual for a boosting round).
 */
final class HistogramTreeGrower {
    /**
     * @param maxDepth        splits on any path from the root
     * @param minLeafWeight   least weight (rows, counted with their bootstrap multiplicity) in each child
     * @param featureFraction share of features tried at each split, drawn anew per node
     */
    record Settings(int maxDepth, double minLeafWeight, double featureFraction) {
    }

    private static final int STRIDE = BinnedRows.MAX_BINS;

    private final BinnedRows data;
    private final int features;
    private final ArrayDeque<double[][]> spareHistograms = new ArrayDeque<>();

    // Per tree being grown.
    private double[] weight;
    private double[] weightedTarget;
    private double[] target;
    private int[] order;
    private double[] fitted;
    private Settings settings;
    private SplittableRandom random;
    private int[] featureDraw;
    private TreeArrays tree;

    HistogramTreeGrower(BinnedRows data) {
        this.data = data;
        this.features = data.features;
    }

    /**
     * @param target per-row target
     * @param weight per-row weight (0 leaves the row out, a bootstrap count repeats it)
     * @param fitted when not null, filled with the leaf value of every row of positive weight (boosting adds it to
     *               the margin)
     */
    DecisionTree grow(double[] target, double[] weight, Settings settings, SplittableRandom random, double[] fitted) {
        this.target = target;
        this.weight = weight;
        this.settings = settings;
        this.random = random;
        this.fitted = fitted;
        this.weightedTarget = new double[data.rows];
        int in = 0;
        int[] rows = new int[data.rows];
        for (int r = 0; r < data.rows; r++) {
            if (weight[r] > 0) {
                weightedTarget[r] = weight[r] * target[r];
                rows[in++] = r;
            }
        }
        if (in == 0) {
            throw new IllegalArgumentException("no row has a positive weight");
        }
        this.order = rows;
        this.featureDraw = new int[features];
        for (int f = 0; f < features; f++) {
            featureDraw[f] = f;
        }
        this.tree = new TreeArrays();
        double[][] rootHistogram = histogram(0, in);
        grow(tree.add(), 0, in, 0, rootHistogram);
        return tree.build();
    }

    private void grow(int node, int start, int end, int depth, double[][] histogram) {
        double w = 0;
        double s = 0;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = start; i < end; i++) {
            int r = order[i];
            w += weight[r];
            s += weightedTarget[r];
            lowest = Math.min(lowest, target[r]);
            highest = Math.max(highest, target[r]);
        }
        Split split = depth < settings.maxDepth() && lowest < highest && w >= 2 * settings.minLeafWeight()
                ? bestSplit(histogram, w, s) : null;
        if (split == null) {
            double value = s / w;
            tree.leaf(node, value);
            if (fitted != null) {
                for (int i = start; i < end; i++) {
                    fitted[order[i]] = value;
                }
            }
            if (histogram != null) {
                spareHistograms.push(histogram);
            }
            return;
        }
        int mid = partition(start, end, split.feature(), split.bin());
        int left = tree.add();
        int right = tree.add();
        tree.split(node, split.feature(), data.cut(split.feature(), split.bin()), left, right);
        if (depth + 1 == settings.maxDepth()) { // the children are leaves: no histogram needed
            spareHistograms.push(histogram);
            grow(left, start, mid, depth + 1, null);
            grow(right, mid, end, depth + 1, null);
            return;
        }
        boolean leftSmaller = mid - start <= end - mid;
        double[][] smaller = leftSmaller ? histogram(start, mid) : histogram(mid, end);
        subtract(histogram, smaller); // the parent's histogram becomes the larger child's
        if (leftSmaller) {
            grow(left, start, mid, depth + 1, smaller);
            grow(right, mid, end, depth + 1, histogram);
        } else {
            grow(left, start, mid, depth + 1, histogram);
            grow(right, mid, end, depth + 1, smaller);
        }
    }

    private record Split(int feature, int bin) {
    }

    private Split bestSplit(double[][] histogram, double w, double s) {
        double[] hw = histogram[0];
        double[] hs = histogram[1];
        int tried = Math.max(1, (int) Math.round(settings.featureFraction() * features));
        double parent = s * s / w;
        double bestGain = 0;
        Split best = null;
        for (int k = 0; k < tried; k++) {
            int f = drawFeature(k, tried);
            int bins = data.binCount(f);
            double wl = 0;
            double sl = 0;
            for (int b = 0; b < bins - 1; b++) {
                wl += hw[f * STRIDE + b];
                sl += hs[f * STRIDE + b];
                double wr = w - wl;
                if (wl < settings.minLeafWeight()) {
                    continue;
                }
                if (wr < settings.minLeafWeight()) {
                    break;
                }
                double sr = s - sl;
                double gain = sl * sl / wl + sr * sr / wr - parent;
                if (gain > bestGain) {
                    bestGain = gain;
                    best = new Split(f, b);
                }
            }
        }
        return best;
    }

    /** The k-th feature of this node's random subset (a partial Fisher-Yates shuffle); all of them in order when every feature is tried. */
    private int drawFeature(int k, int tried) {
        if (tried == features) {
            return k;
        }
        int j = k + random.nextInt(features - k);
        int f = featureDraw[j];
        featureDraw[j] = featureDraw[k];
        featureDraw[k] = f;
        return f;
    }

    /** Reorders rows [start, end) so those going left come first; returns where the right child starts. */
    private int partition(int start, int end, int feature, int bin) {
        byte[] bins = data.bins;
        int i = start;
        int j = end - 1;
        while (i <= j) {
            if ((bins[order[i] * features + feature] & 0xff) <= bin) {
                i++;
            } else {
                int t = order[i];
                order[i] = order[j];
                order[j--] = t;
            }
        }
        return i;
    }

    /** Summed weight [0] and weighted target [1] per (feature, bin) over rows [start, end). */
    private double[][] histogram(int start, int end) {
        double[][] h = spareHistograms.isEmpty() ? new double[2][features * STRIDE] : spareHistograms.pop();
        double[] hw = h[0];
        double[] hs = h[1];
        Arrays.fill(hw, 0);
        Arrays.fill(hs, 0);
        byte[] bins = data.bins;
        for (int i = start; i < end; i++) {
            int r = order[i];
            double w = weight[r];
            double ws = weightedTarget[r];
            int base = r * features;
            for (int f = 0; f < features; f++) {
                int at = f * STRIDE + (bins[base + f] & 0xff);
                hw[at] += w;
                hs[at] += ws;
            }
        }
        return h;
    }

    private static void subtract(double[][] from, double[][] part) {
        for (int k = 0; k < 2; k++) {
            double[] a = from[k];
            double[] b = part[k];
            for (int i = 0; i < a.length; i++) {
                a[i] -= b[i];
            }
        }
    }

    /** Nodes as they are grown; ids in creation order. */
    private static final class TreeArrays {
        private int[] feature = new int[64];
        private double[] threshold = new double[64];
        private int[] left = new int[64];
        private int[] right = new int[64];
        private double[] value = new double[64];
        private int size;

        int add() {
            if (size == feature.length) {
                int n = size * 2;
                feature = Arrays.copyOf(feature, n);
                threshold = Arrays.copyOf(threshold, n);
                left = Arrays.copyOf(left, n);
                right = Arrays.copyOf(right, n);
                value = Arrays.copyOf(value, n);
            }
            return size++;
        }

        void leaf(int node, double v) {
            feature[node] = DecisionTree.LEAF;
            value[node] = v;
        }

        void split(int node, int f, double cut, int l, int r) {
            feature[node] = f;
            threshold[node] = cut;
            left[node] = l;
            right[node] = r;
        }

        DecisionTree build() {
            return new DecisionTree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size),
                    Arrays.copyOf(left, size), Arrays.copyOf(right, size), Arrays.copyOf(value, size));
        }
    }
}
