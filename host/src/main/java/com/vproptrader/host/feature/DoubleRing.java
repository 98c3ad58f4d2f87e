package com.vproptrader.host.feature;

/** The last {@code capacity} values of a series, newest at lag 0; primitive so updates never allocate. */
public final class DoubleRing {
    private final double[] values;
    private int next;
    private int size;

    public DoubleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        values = new double[capacity];
    }

    /** Appends {@code x}; returns the value it pushed out, or NaN while the ring was not yet full. */
    public double push(double x) {
        double evicted = size == values.length ? values[next] : Double.NaN;
        values[next] = x;
        next = next + 1 == values.length ? 0 : next + 1;
        if (size < values.length) {
            size++;
        }
        return evicted;
    }

    /** The value {@code lag} steps back (0 = newest). */
    public double get(int lag) {
        if (lag < 0 || lag >= size) {
            throw new IndexOutOfBoundsException("lag " + lag + " of " + size);
        }
        int i = next - 1 - lag;
        return values[i < 0 ? i + values.length : i];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return values.length;
    }

    public boolean isFull() {
        return size == values.length;
    }
}
