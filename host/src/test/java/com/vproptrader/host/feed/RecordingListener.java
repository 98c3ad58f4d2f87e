package com.vproptrader.host.feed;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;
import java.util.ArrayList;
import java.util.List;

/** Records what the feed hands on, for assertions. */
final class RecordingListener implements FeedListener {
    final List<Tick> ticks = new ArrayList<>();
    final List<Bar> bars = new ArrayList<>();
    final List<MarketGap> gaps = new ArrayList<>();
    final List<String> order = new ArrayList<>();

    @Override
    public void onTick(Tick tick) {
        ticks.add(tick);
        order.add("tick");
    }

    @Override
    public void onBarClosed(Bar bar) {
        bars.add(bar);
        order.add("bar " + bar.getTimeframe());
    }

    @Override
    public void onGap(MarketGap gap) {
        gaps.add(gap);
        order.add("gap " + gap.kind());
    }

    List<Bar> bars(Timeframe tf) {
        return bars.stream().filter(b -> b.getTimeframe() == tf).toList();
    }
}
