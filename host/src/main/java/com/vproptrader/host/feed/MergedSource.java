package com.vproptrader.host.feed;

import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.ToLongFunction;

/**
 * Merges one-file-per-symbol sources into one stream in time order, so a multi-symbol replay sees events as
 * the live link would. Equal times are broken by source order (the order the files were given), which keeps
 * a replay deterministic.
 */
public final class MergedSource<T> implements MarketSource<T> {
    private record Head<T>(T item, long time, int source) {
    }

    private final List<MarketSource<T>> sources;
    private final ToLongFunction<T> timeOf;
    private final PriorityQueue<Head<T>> heads;
    private long line;

    private MergedSource(List<MarketSource<T>> sources, ToLongFunction<T> timeOf) throws IOException {
        this.sources = new ArrayList<>(sources);
        this.timeOf = timeOf;
        this.heads = new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time)
                : Integer.compare(a.source, b.source));
        for (int i = 0; i < this.sources.size(); i++) {
            advance(i);
        }
    }

    public static MergedSource<Tick> ticks(List<MarketSource<Tick>> sources) throws IOException {
        return new MergedSource<>(sources, Tick::getTimeMsc);
    }

    /** Bars are ordered by their close time, so a D1 bar comes after the M1 bars it contains. */
    public static MergedSource<Bar> bars(List<MarketSource<Bar>> sources) throws IOException {
        return new MergedSource<>(sources, b -> b.getOpenTimeMsc() + Timeframes.periodMs(b.getTimeframe()));
    }

    private void advance(int source) throws IOException {
        T item = sources.get(source).next();
        if (item != null) {
            heads.add(new Head<>(item, timeOf.applyAsLong(item), source));
        }
    }

    @Override
    public T next() throws IOException {
        Head<T> head = heads.poll();
        if (head == null) {
            return null;
        }
        line = sources.get(head.source).line(); // before advancing: the line of the record returned
        advance(head.source);
        return head.item;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (MarketSource<T> s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
