package com.vproptrader.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aScrapeOverHttpIsPrometheusTextThatPromtoolAccepts() throws Exception {
        AtomicInteger refreshed = new AtomicInteger();
        try (MetricsEndpoint m = MetricsEndpoint.start("127.0.0.1", 0, "test")) {
            io.micrometer.core.instrument.Counter.builder("vpt.frames").description("frames seen").tag("kind", "tick")
                    .register(m.registry()).increment(3);
            m.beforeScrape(refreshed::incrementAndGet);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + m.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
            assertThat(r.body()).contains("vpt_frames_total{kind=\"tick\",process=\"test\"} 3.0")
                    .contains("jvm_memory_used_bytes").contains("process_uptime_seconds");
            assertThat(refreshed).hasValue(1);
            assertThat(Promtool.checkMetrics(r.body())).isEmpty();
        }
    }

    @Test
    void promtoolRejectsBrokenText_soTheCheckCanFail() throws Exception {
        assertThat(Promtool.checkMetrics("# TYPE x counter\nx{a=\"1\" 2\n")).isNotEmpty();
    }

    @Test
    void anyOtherPathIsNotFound() throws Exception {
        try (MetricsEndpoint m = MetricsEndpoint.start("127.0.0.1", 0, "test")) {
            var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port() + "/other")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).isEqualTo(404);
        }
    }
}
