package com.vproptrader.marketdata;

import java.io.Closeable;
import java.io.IOException;

/** A stream of ticks or bars in time order, read one at a time so a year of ticks never sits in memory. */
public interface MarketSource<T> extends Closeable {
    /** The next record, or null at the end. */
    T next() throws IOException;

    /**
     * The line of its file that the record {@link #next()} last returned was read from (the header is line
     * 1), so a refusal can point a user at the row; 0 when the records do not come from a file.
     */
    default long line() {
        return 0;
    }

    /** Records already in memory, or produced by a generator, as a source. */
    static <T> MarketSource<T> of(java.util.Iterator<T> records) {
        return new MarketSource<>() {
            @Override
            public T next() {
                return records.hasNext() ? records.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }
}
