package com.vproptrader.ops.replay;

/**
 * Where a replay's time went, by stage: reading the ticks (feed), the host deciding on each event (decide),
 * the paper broker (broker), and waiting for the journal's writer at the end (journal flush). The writer
 * thread works beside the loop; its CPU time is measured by the caller, at the moment every row is committed
 * ({@link #whenJournalFlushed}). Pass one to {@link Replay#run(com.vproptrader.host.app.HostConfig,
 * com.vproptrader.host.plugin.PluginHost, com.vproptrader.marketdata.MarketSource,
 * com.vproptrader.sim.broker.SimBroker, java.util.function.Consumer, ReplayStages)} to measure; without one
 * nothing is timed.
 */
public final class ReplayStages {
    long feedNanos;
    long decideNanos;
    long brokerNanos;
    long journalFlushNanos;
    long ticks;
    private Runnable flushed = () -> {
    };

    /** Runs {@code measure} on the loop thread once the last row is committed, before the journal closes. */
    public ReplayStages whenJournalFlushed(Runnable measure) {
        this.flushed = measure;
        return this;
    }

    void journalFlushed() {
        flushed.run();
    }

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
