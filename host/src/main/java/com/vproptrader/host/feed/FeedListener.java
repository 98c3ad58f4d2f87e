package com.vproptrader.host.feed;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;

/**
 * What the {@link Feed} hands on, on the event-loop thread, in event order. Only validated data arrives
 * here. For one tick the order is: bars it closed (shortest timeframe first), then the gap it ended (if
 * any), then the tick itself.
 */
public interface FeedListener {
    /** An accepted tick. */
    void onTick(Tick tick);

    /** A closed bar: built from ticks, received from the link, or read from an "Export bars" file. */
    void onBarClosed(Bar bar);

    /** A silence in a symbol's ticks ended. No bars were made for it. */
    default void onGap(MarketGap gap) {
    }
}
