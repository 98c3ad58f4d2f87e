package com.vproptrader.host.govern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders sent in the last day (key and time), indexed for the two questions the order-rate governor asks of
 * every order: was this idempotency key sent already, and how many orders fall in a time window. A day can hold
 * thousands of keys, so neither question scans them: keys are counted in a hash map, and while the send times
 * never went backwards (the normal case: the loop's event time) a window is two binary searches; after a time
 * that did go backwards, until the list empties, a window is counted one by one (exact either way).
 *
 * <p>Owned by {@link Governance}, changed on the event loop only ({@link #add}, {@link #forgetBefore}); a
 * {@link GovernorInput} carries it as a read for the check it was made for.
 */
public final class SentOrders {
    /** In the order sent; entries before {@code head} are forgotten (dropped in bulk, so forgetting is O(1)). */
    private final ArrayList<SentOrder> orders = new ArrayList<>();
    private int head;
    /** Key -> how many remembered orders carry it. */
    private final Map<String, Integer> keys = new HashMap<>();
    /** True while every remembered order was sent at or after the one before it. */
    private boolean timeOrdered = true;

    /** An index of these orders, in this order (the shared test vectors' recent orders). */
    public static SentOrders of(List<SentOrder> orders) {
        SentOrders index = new SentOrders();
        orders.forEach(index::add);
        return index;
    }

    void add(SentOrder order) {
        if (size() > 0 && order.time().isBefore(orders.get(orders.size() - 1).time())) {
            timeOrdered = false;
        }
        orders.add(order);
        keys.merge(order.key(), 1, Integer::sum);
    }

    /**
     * Forgets, from the oldest, every order sent before {@code cutoff} (stopping at the first that is not).
     * @return whether any was forgotten
     */
    boolean forgetBefore(Instant cutoff) {
        int was = head;
        while (head < orders.size() && orders.get(head).time().isBefore(cutoff)) {
            keys.computeIfPresent(orders.get(head).key(), (k, n) -> n == 1 ? null : n - 1);
            orders.set(head++, null);
        }
        boolean forgot = head != was;
        if (head == orders.size()) {
            orders.clear();
            head = 0;
            timeOrdered = true;
        } else if (head > 1024 && head > orders.size() / 2) {
            orders.subList(0, head).clear();
            head = 0;
        }
        return forgot;
    }

    /** Whether an order with this idempotency key is remembered. */
    public boolean contains(String key) {
        return keys.containsKey(key);
    }

    /** How many remembered orders were sent after {@code from} and at or before {@code to}. */
    public int countSentIn(Instant from, Instant to) {
        if (!timeOrdered) {
            int n = 0;
            for (int i = head; i < orders.size(); i++) {
                Instant t = orders.get(i).time();
                if (t.isAfter(from) && !t.isAfter(to)) {
                    n++;
                }
            }
            return n;
        }
        return Math.max(0, firstAfter(to) - firstAfter(from));
    }

    /** Remembered orders. */
    public int size() {
        return orders.size() - head;
    }

    /** Index of the first remembered order sent after {@code t} (times ascending). */
    private int firstAfter(Instant t) {
        int lo = head;
        int hi = orders.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (orders.get(mid).time().isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
