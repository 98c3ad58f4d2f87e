package com.vproptrader.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * One process's metrics as Prometheus text on {@code http://bind:port/metrics}: the JVM's own meters (heap,
 * GC, threads, CPU, uptime) plus whatever the process registers on {@link #registry()}. A
 * {@code beforeScrape} hook lets a process read its state once per scrape instead of once per meter.
 */
public final class MetricsEndpoint implements AutoCloseable {
    public static final String PATH = "/metrics";
    /** The content type of the Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final HttpServer server;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private volatile Runnable beforeScrape = () -> { };
    private final io.micrometer.core.instrument.Counter refreshFailures;

    private MetricsEndpoint(String bind, int port, String process, String... tags) {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("process", process).commonTags(tags)
                // Named against Prometheus's conventions (promtool's lint): a unit abbreviation, a _count gauge.
                .meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"))
                .meterFilter(MeterFilter.denyNameStartsWith("system.cpu.count"));
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        refreshFailures = io.micrometer.core.instrument.Counter.builder("vpt.metrics.refresh.failures")
                .description("scrapes whose process state could not be read (the JVM meters still answered)")
                .register(registry);
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("metrics: cannot listen on " + bind + ":" + port, e);
        }
        server.createContext(PATH, this::serve);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /**
     * Serves {@code /metrics} on {@code bind:port} (0 = any free port); {@code process} and the extra
     * {@code tags} (key, value, ...) label every series.
     */
    public static MetricsEndpoint start(String bind, int port, String process, String... tags) {
        return new MetricsEndpoint(bind, port, process, tags);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Runs before every scrape, on the scrape's thread: read the state the meters show. */
    public void beforeScrape(Runnable hook) {
        this.beforeScrape = hook;
    }

    /** The text a scrape returns now. */
    public String scrape() {
        try {
            beforeScrape.run();
        } catch (RuntimeException e) {
            refreshFailures.increment();
        }
        return registry.scrape();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        gc.close();
        registry.close();
    }
}
