package com.vproptrader.host.memory;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The k closed trades whose features at entry are nearest a candidate's, with their outcomes: a JVector graph
 * over every closed trade in the long-term store. Each feature is standardised (z-score over the stored trades)
 * so no feature's scale dominates the Euclidean distance; a feature a trade lacks counts as the mean (0).
 * The index is built from the store and rebuilt when the store holds trades it has not indexed.
 */
public final class SimilarTrades {
    private static final VectorTypeSupport VECTORS = VectorizationProvider.getInstance().getVectorTypeSupport();
    /** Graph degree and build beam. */
    private static final int DEGREE = 32;
    private static final int BEAM = 200;
    /** Candidates the search keeps before taking the k best: a wider beam buys recall for a little time. */
    private static final int SEARCH_BEAM = 100;

    /** A stored trade near the query, at Euclidean distance {@code distance} in standardised feature space. */
    public record Neighbor(ClosedTrade trade, double distance) {
    }

    /** The trades and their entry features as the index sees them. */
    public record Sample(List<ClosedTrade> trades, List<Map<String, Double>> features) {
    }

    private final List<ClosedTrade> trades;
    private final String[] names;
    private final double[] mean;
    private final double[] sd;
    private final List<VectorFloat<?>> vectors;
    private final ListRandomAccessVectorValues values;
    private final ImmutableGraphIndex graph;

    /** How the k nearest of a decision's earlier trades turned out: how many there were and how many won. */
    public record Neighbourhood(int count, int wins) {
        public static final Neighbourhood NONE = new Neighbourhood(0, 0);

        /** Share of the neighbours that won; NaN without neighbours. */
        public double winRate() {
            return count == 0 ? Double.NaN : (double) wins / count;
        }

        public static Neighbourhood of(List<Neighbor> neighbours) {
            return new Neighbourhood(neighbours.size(), (int) neighbours.stream().filter(n -> n.trade().won()).count());
        }
    }

    private SimilarTrades(Sample sample) {
        this(sample, true);
    }

    private SimilarTrades(Sample sample, boolean withGraph) {
        this.trades = List.copyOf(sample.trades());
        this.names = sample.features().stream().flatMap(f -> f.keySet().stream()).distinct().sorted()
                .toArray(String[]::new);
        this.mean = new double[names.length];
        this.sd = new double[names.length];
        standardise(sample.features());
        this.vectors = new ArrayList<>(trades.size());
        sample.features().forEach(f -> vectors.add(VECTORS.createFloatVector(point(f))));
        this.values = new ListRandomAccessVectorValues(vectors, Math.max(1, names.length));
        if (!withGraph || trades.isEmpty() || names.length == 0) {
            this.graph = null;
            return;
        }
        try (GraphIndexBuilder builder = new GraphIndexBuilder(values, VectorSimilarityFunction.EUCLIDEAN, DEGREE, BEAM,
                1.2f, 1.2f, false)) {
            this.graph = builder.build(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes {@code sample} (trades and their entry features, same order). */
    public static SimilarTrades of(Sample sample) {
        if (sample.trades().size() != sample.features().size()) {
            throw new IllegalArgumentException("one feature map per trade");
        }
        return new SimilarTrades(sample);
    }

    /**
     * Only the exact search over {@code sample} (no graph is built): for a few thousand trades a full scan is
     * cheaper than building the graph, and exact answers are the same on every rebuild.
     */
    public static SimilarTrades exactOver(Sample sample) {
        if (sample.trades().size() != sample.features().size()) {
            throw new IllegalArgumentException("one feature map per trade");
        }
        return new SimilarTrades(sample, false);
    }

    /** Indexes every closed trade in the store. */
    public static SimilarTrades of(TradeStore store) {
        List<ClosedTrade> all = store.allTrades();
        Map<String, Map<String, Double>> features = store.allEntryFeatures();
        return of(new Sample(all, all.stream().map(t -> features.getOrDefault(t.signalKey(), Map.of())).toList()));
    }

    /** Whether the store now holds trades this index lacks (then build a new one with {@link #of(TradeStore)}). */
    public boolean isStale(TradeStore store) {
        return store.tradeCount() != trades.size();
    }

    public int size() {
        return trades.size();
    }

    /** The {@code k} nearest stored trades to a candidate's features, nearest first (approximate, JVector). */
    public List<Neighbor> nearest(Map<String, Double> features, int k) {
        if (graph == null || k <= 0) {
            return List.of();
        }
        VectorFloat<?> query = VECTORS.createFloatVector(point(features));
        SearchResult result = GraphSearcher.search(query, k, Math.max(k, SEARCH_BEAM), values,
                VectorSimilarityFunction.EUCLIDEAN, graph, Bits.ALL);
        List<Neighbor> out = new ArrayList<>(k);
        for (SearchResult.NodeScore n : result.getNodes()) {
            out.add(new Neighbor(trades.get(n.node), distance(query, vectors.get(n.node))));
        }
        return out;
    }

    /** The exact {@code k} nearest by a full scan: the reference the approximate search is measured against. */
    public List<Neighbor> exactNearest(Map<String, Double> features, int k) {
        VectorFloat<?> query = VECTORS.createFloatVector(point(features));
        PriorityQueue<Neighbor> farthestFirst = new PriorityQueue<>(Comparator.comparingDouble(Neighbor::distance)
                .reversed());
        for (int i = 0; i < vectors.size(); i++) {
            farthestFirst.add(new Neighbor(trades.get(i), distance(query, vectors.get(i))));
            if (farthestFirst.size() > k) {
                farthestFirst.poll();
            }
        }
        List<Neighbor> out = new ArrayList<>(farthestFirst);
        out.sort(Comparator.comparingDouble(Neighbor::distance));
        return out;
    }

    private void standardise(List<Map<String, Double>> features) {
        for (int j = 0; j < names.length; j++) {
            double sum = 0;
            double sumSq = 0;
            int n = 0;
            for (Map<String, Double> f : features) {
                Double v = f.get(names[j]);
                if (v != null) {
                    sum += v;
                    sumSq += v * v;
                    n++;
                }
            }
            mean[j] = n == 0 ? 0 : sum / n;
            double var = n == 0 ? 0 : sumSq / n - mean[j] * mean[j];
            sd[j] = var > 1e-24 ? Math.sqrt(var) : 1; // a constant feature separates nothing: leave it at 0
        }
    }

    private float[] point(Map<String, Double> f) {
        float[] p = new float[Math.max(1, names.length)];
        for (int j = 0; j < names.length; j++) {
            Double v = f.get(names[j]);
            p[j] = v == null || v.isNaN() ? 0f : (float) ((v - mean[j]) / sd[j]);
        }
        return p;
    }

    private static double distance(VectorFloat<?> a, VectorFloat<?> b) {
        double s = 0;
        for (int i = 0; i < a.length(); i++) {
            double d = a.get(i) - b.get(i);
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** The feature names, in vector order. */
    public List<String> featureNames() {
        return Arrays.asList(names);
    }
}
