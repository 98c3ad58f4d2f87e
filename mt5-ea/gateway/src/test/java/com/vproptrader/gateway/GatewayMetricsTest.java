package com.vproptrader.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.gateway.frame.ErrorCode;
import com.vproptrader.gateway.frame.Samples;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.telemetry.MetricsEndpoint;
import com.vproptrader.telemetry.Promtool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The gateway's /metrics over real HTTP after an EA said hello, sent a tick and a bad line. */
class GatewayMetricsTest {

    @Test
    void theScrapeCountsConnectionsFramesAndErrorsByCode_andPromtoolAcceptsIt() throws Exception {
        try (RecordingHost host = RecordingHost.start();
             Gateway gateway = Gateway.start(GatewayConfig.defaults().withListenPort(0).withHostTarget(host.target()));
             MetricsEndpoint metrics = MetricsEndpoint.start("127.0.0.1", 0, "gateway")) {
            GatewayMetrics.attach(metrics, gateway);
            try (TestEa ea = new TestEa(gateway.port())) {
                ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
                ea.send(TerminalEvent.newBuilder().setTick(Samples.tick(1.0851, 1.0852)));
                ea.sendLine("{this is not json");
                ea.awaitError(ErrorCode.MALFORMED);
                await().until(() -> host.events.size() == 2);

                String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + metrics.port() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();

                assertThat(text).contains("vpt_gateway_connections_active{process=\"gateway\"} 1.0")
                        .contains("vpt_gateway_connections_accepted_total{process=\"gateway\"} 1.0")
                        .contains("vpt_gateway_events_to_host_total{process=\"gateway\"} 2.0")
                        .contains("vpt_gateway_lines_in_total{process=\"gateway\"} 3.0")
                        .contains("vpt_gateway_errors_total{code=\"MALFORMED\",process=\"gateway\"} 1.0");
                assertThat(Promtool.checkMetrics(text)).isEmpty();
            }
        }
    }
}
