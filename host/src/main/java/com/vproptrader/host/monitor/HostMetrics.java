package com.vproptrader.host.monitor;

import com.vproptrader.host.engine.AccountEngine;
import com.vproptrader.host.engine.LoopProbe;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginKind;
import com.vproptrader.proto.PluginState;
import com.vproptrader.proto.RuleHeadroom;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.TradingState;
import com.vproptrader.proto.VetoCount;
import com.vproptrader.telemetry.MetricsEndpoint;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The host's meters on its {@code /metrics}: the account loop (event time, tick to signal, queue depth), the
 * counters, vetoes by source and reason, plugin versions by state and which version serves (model versions
 * included), the terminal link, and the governors' headroom under each rule. Everything but the two timers is
 * read from one AdminService status and plugin list per scrape, so the figures agree with the UI's.
 * Names and the alerts on them: ops/monitoring/.
 */
public final class HostMetrics {
    /** Histogram buckets of the loop's timers: around the 2 ms tick-to-signal target. */
    private static final Duration[] BUCKETS = {Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000),
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofMillis(250), Duration.ofSeconds(1)};

    private final MeterRegistry registry;
    private final AccountEngine engine;
    private final PluginHost plugins;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Status status = Status.getDefaultInstance();
    private volatile List<PluginInfo> pluginInfos = List.of();

    private HostMetrics(MetricsEndpoint endpoint, AccountEngine engine, PluginHost plugins) {
        this.registry = endpoint.registry();
        this.engine = engine;
        this.plugins = plugins;
        Timer event = timer("vpt.loop.event", "a terminal event from reaching the host to the loop having handled it");
        Timer tickToSignal = timer("vpt.tick.to.signal", "a signal sent, from the event that decided it reaching the host");
        engine.probe(new LoopProbe() {
            @Override
            public void eventHandled(long arrivedNanos, long doneNanos) {
                event.record(doneNanos - arrivedNanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void signalSent(long sinceEventNanos, long waitedNanos) {
                tickToSignal.record(sinceEventNanos, TimeUnit.NANOSECONDS);
            }
        });
        Gauge.builder("vpt.loop.queue.depth", engine, AccountEngine::queueDepth)
                .description("work waiting for the account loop").register(registry);
        gauge("vpt.terminal.connected", "1 while the terminal's link is up", s -> s.getTerminalConnected() ? 1 : 0);
        counter("vpt.ticks", "ticks received", s -> s.getCounters().getTicks());
        counter("vpt.signals", "signals sent", s -> s.getCounters().getSignals());
        counter("vpt.orders", "orders placed by the terminal", s -> s.getCounters().getOrders());
        counter("vpt.fills", "fills reported", s -> s.getCounters().getFills());
        counter("vpt.rejects", "orders the broker rejected", s -> s.getCounters().getRejects());
        counter("vpt.bad.events", "events refused as malformed", s -> s.getCounters().getBadEvents());
        gauge("vpt.equity.cents", "account equity, whole cents", s -> s.getEquityCents());
        for (TradingState t : TradingState.values()) {
            if (t != TradingState.UNRECOGNIZED && t != TradingState.TRADING_STATE_UNSPECIFIED) {
                Gauge.builder("vpt.trading.state", this, m -> m.status.getTradingState() == t ? 1 : 0)
                        .description("1 for the effective trading state").tag("state", t.name()).register(registry);
            }
        }
        for (PluginState p : PluginState.values()) {
            if (p != PluginState.UNRECOGNIZED && p != PluginState.PLUGIN_STATE_UNSPECIFIED) {
                Gauge.builder("vpt.plugin.versions", this, m -> m.pluginInfos.stream().filter(i -> i.getState() == p).count())
                        .description("plugin versions seen since start, by state (QUARANTINED: refused or failed; "
                                + "RETIRED: swapped out)").tag("state", p.name()).register(registry);
            }
        }
        endpoint.beforeScrape(this::refresh);
    }

    /** Registers the host's meters on the endpoint and refreshes them at every scrape. */
    public static HostMetrics attach(MetricsEndpoint endpoint, AccountEngine engine, PluginHost plugins) {
        return new HostMetrics(endpoint, engine, plugins);
    }

    private Timer timer(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS).register(registry);
    }

    private void gauge(String name, String description, ToDoubleFunction<Status> read) {
        Gauge.builder(name, this, m -> read.applyAsDouble(m.status)).description(description).register(registry);
    }

    private void counter(String name, String description, ToDoubleFunction<Status> read) {
        FunctionCounter.builder(name, this, m -> read.applyAsDouble(m.status)).description(description).register(registry);
    }

    /** One status and plugin list per scrape; series for vetoes, rules and plugin versions appear as they do. */
    void refresh() {
        status = engine.snapshot().getStatus();
        pluginInfos = plugins.describe();
        for (VetoCount v : status.getVetoesList()) {
            String source = v.getSource().name().replaceFirst("^VETO_", "");
            String code = v.getCode();
            if (registered.add("veto|" + source + "|" + code)) {
                FunctionCounter.builder("vpt.vetoes", this, m -> m.vetoes(v.getSource(), code))
                        .description("candidates blocked, by who blocked them and why")
                        .tags("source", source, "reason", code).register(registry);
            }
        }
        for (RuleHeadroom r : status.getCompliance().getRulesList()) {
            String rule = r.getRule();
            if (registered.add("rule|" + rule)) {
                Gauge.builder("vpt.governor.headroom.ratio", this, m -> m.rule(rule, x -> x.getHeadroomPct() / 100.0))
                        .description("distance to the rule's limit as a share of the initial balance "
                                + "(0 for counted rules); negative means breached").tag("rule", rule).register(registry);
                Gauge.builder("vpt.governor.headroom", this, m -> m.rule(rule, x -> x.getHeadroom()))
                        .description("distance to the rule's limit in the rule's unit (cents, count or days)")
                        .tags("rule", rule, "unit", r.getUnit().name()).register(registry);
            }
        }
        for (PluginInfo i : pluginInfos) {
            String kinds = kindsTag(i.getKindsList());
            if (registered.add("plugin|" + i.getPluginId() + "|" + i.getVersion() + "|" + kinds)) {
                String id = i.getPluginId();
                String version = i.getVersion();
                Gauge.builder("vpt.plugin.serving", this, m -> m.serving(id, version))
                        .description("1 while this plugin version serves (a model plugin's version is the model's)")
                        .tags("plugin", id, "version", version, "kind", kinds).register(registry);
            }
        }
    }

    /** The kind label of the plugin gauge: "alpha", "filter", "model", comma-joined for a JAR of several. */
    private static String kindsTag(List<PluginKind> kinds) {
        return kinds.stream().map(k -> switch (k) {
            case PLUGIN_ALPHA -> "alpha";
            case PLUGIN_FILTER -> "filter";
            case PLUGIN_MODEL -> "model";
            default -> "unknown";
        }).collect(Collectors.joining(","));
    }

    private double vetoes(com.vproptrader.proto.VetoSource source, String code) {
        return status.getVetoesList().stream().filter(v -> v.getSource() == source && v.getCode().equals(code))
                .mapToLong(VetoCount::getCount).sum();
    }

    private double rule(String rule, ToDoubleFunction<RuleHeadroom> read) {
        return status.getCompliance().getRulesList().stream().filter(r -> r.getRule().equals(rule)).findFirst()
                .map(read::applyAsDouble).orElse(Double.NaN);
    }

    private double serving(String id, String version) {
        return pluginInfos.stream().anyMatch(i -> i.getPluginId().equals(id) && i.getVersion().equals(version)
                && i.getState() == PluginState.ACTIVE) ? 1 : 0;
    }
}
