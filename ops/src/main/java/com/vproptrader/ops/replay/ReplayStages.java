package com.vproptrader.ops.replay;

/**
 * Where a replay's time went, by stage: reading the ticks (feed), the host deciding on each event (decide),
 * the paper broker (broker), and waiting for the journal's writer at the end (journal flush). The writer
 * thread works beside the loop; its CPU time is measured separately by the caller. Pass one to
 * {@link Replay#run(com.vproptrader.host.app.HostConfig, com.vproptrader.host.plugin.PluginHost,
 * com.vproptrader.marketdata.MarketSource, com.vproptrader.sim.broker.SimBroker, java.util.function.Consumer,
 * ReplayStages)} to measure; without one nothing is timed.
 */
public final class ReplayStages {
    long feedNanos;
    long decideNanos;
    long brokerNanos;
    long journalFlushNanos;
    long ticks;

    public long feedNanos() {
        return feedNanos;
    }

    public long decideNanos() {
        return decideNanos;
    }

    public long brokerNanos() {
        return brokerNanos;
    }

    public long journalFlushNanos() {
        return journalFlushNanos;
    }

    public long ticks() {
        return ticks;
    }
}
