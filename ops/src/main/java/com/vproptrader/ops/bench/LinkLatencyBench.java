package com.vproptrader.ops.bench;

import com.vproptrader.gateway.Gateway;
import com.vproptrader.gateway.GatewayConfig;
import com.vproptrader.gateway.frame.CommandFrame;
import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.gateway.frame.ToEaFrame;
import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.proto.Account;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.MarginMode;
import com.vproptrader.proto.Reject;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.data.SyntheticTicks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tick → signal latency as the terminal sees it, through gateway and host over loopback, next to the floor:
 * a raw loopback TCP round trip of one line measured in the same run (the link path is two such round trips:
 * terminal ⇄ gateway and gateway ⇄ host).
 *
 * <p>A terminal stand-in speaking the EA's frames sends a rising tick, waits for the momentum alpha's
 * signal, answers with a reject so the host's one-pending-order guard clears, and repeats.
 *
 * <p>Run: {@code java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.bench.LinkLatencyBench
 * [plugin-jar-folder] [samples]}
 */
public final class LinkLatencyBench {
    private static final FrameCodec CODEC = new FrameCodec();

    public static void main(String[] args) throws Exception {
        Path pluginJars = Path.of(args.length > 0 ? args[0] : "ops/target/plugins");
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long[] floor = loopbackRoundTrips(samples);
        long[] link = tickToSignal(pluginJars, samples);
        print("raw loopback TCP round trip", floor);
        print("tick -> signal via gateway+host", link);
        System.out.printf("ratio tick->signal / loopback RTT: p50 %.1fx, p99 %.1fx%n",
                (double) pct(link, 50) / pct(floor, 50), (double) pct(link, 99) / pct(floor, 99));
    }

    static long[] tickToSignal(Path pluginJars, int samples) throws Exception {
        Path dir = Files.createTempDirectory("latency-bench");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (var jars = Files.list(pluginJars)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        HostConfig config = HostConfig.defaults().withGrpcPort(0).withPluginDir(plugins)
                .withJournalFile(dir.resolve("journal.db")).withRulePack(unthrottledPack(dir).toString());
        try (Host host = Host.start(config);
             Gateway gateway = Gateway.start(GatewayConfig.defaults().withListenPort(0)
                     .withHostTarget("127.0.0.1:" + host.grpcPort()));
             Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(200);
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            long seq = 0;
            long time = SyntheticTicks.START_MSC; // inside the London session
            SymbolSpec spec = SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5).setContractSize(100_000)
                    .setTickSize(0.00001).setTickValue(1).setVolumeMin(0.01).setVolumeStep(0.01).setVolumeMax(100).build();
            send(out, TerminalEvent.newBuilder().setSeq(++seq).setHello(Hello.newBuilder().setAccountId("bench")
                    .setServerTimeMsc(time).setTerminal("bench").addSymbols(spec)
                    .setAccount(Account.newBuilder().setAccountId("bench").setCurrency("USD").setBalance(100_000)
                            .setEquity(100_000).setFreeMargin(100_000).setMarginMode(MarginMode.HEDGING))).build());
            int warmup = Math.min(5_000, samples);
            long[] latencies = new long[samples];
            double bid = 1.10000;
            int measured = 0;
            for (int i = 0; i < samples + warmup; i++) {
                bid += 0.00003; // a steady rise: the momentum alpha votes BUY on every tick
                time += 100;
                Tick tick = Tick.newBuilder().setSymbol("EURUSD").setTimeMsc(time).setBid(round5(bid))
                        .setAsk(round5(bid + 0.00008)).build();
                long start = System.nanoTime();
                send(out, TerminalEvent.newBuilder().setSeq(++seq).setTick(tick).build());
                String key = awaitSignal(in);
                long elapsed = System.nanoTime() - start;
                if (key == null) {
                    continue; // no signal for this tick (history still filling)
                }
                if (i >= warmup && measured < samples) {
                    latencies[measured++] = elapsed;
                }
                send(out, TerminalEvent.newBuilder().setSeq(++seq).setReject(Reject.newBuilder()
                        .setSignalKey(key).setRetcode(10006).setMessage("bench: rejected to clear the guard")).build());
            }
            return Arrays.copyOf(latencies, measured);
        }
    }

    /**
     * FTMO 2-Step with the order-rate governor lifted: every tick here makes a signal (answered by a reject),
     * which the real pack would throttle to 6 a minute. Every other rule stays as shipped.
     */
    private static Path unthrottledPack(Path dir) throws Exception {
        String json;
        try (var in = Host.class.getResourceAsStream("/rulepacks/ftmo-2step.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        json = json.replace("\"ftmo-2step\"", "\"bench-unthrottled\"")
                .replaceAll("\"maxOrdersPerMinute\"\\s*:\\s*\\d+", "\"maxOrdersPerMinute\": 10000");
        return Files.writeString(dir.resolve("bench-unthrottled.json"), json);
    }

    private static double round5(double v) {
        return Math.round(v * 100_000) / 100_000.0;
    }

    /** Reads frames until a signal arrives (returns its key) or 200 ms of silence (returns null). */
    private static String awaitSignal(BufferedReader in) throws Exception {
        while (true) {
            String line = readWithin(in, 200);
            if (line == null) {
                return null;
            }
            ToEaFrame frame = CODEC.decodeToEa(line);
            if (frame instanceof CommandFrame c && c.command().hasSignal()) {
                return c.command().getSignal().getSignalKey();
            }
        }
    }

    /** Blocks (no spinning: the machine has two cores and the path under test needs them). */
    private static String readWithin(BufferedReader in, long millis) throws Exception {
        try {
            return in.readLine();
        } catch (SocketTimeoutException silence) {
            return null;
        }
    }

    private static void send(BufferedWriter out, TerminalEvent event) throws Exception {
        out.write(CODEC.encodeEvent(event));
        out.write('\n');
        out.flush();
    }

    static long[] loopbackRoundTrips(int samples) throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread echo = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    BufferedWriter w = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8));
                    for (String line; (line = r.readLine()) != null; ) {
                        w.write(line);
                        w.write('\n');
                        w.flush();
                    }
                } catch (Exception ignored) {
                    // the client closed
                }
            }, "echo");
            echo.setDaemon(true);
            echo.start();
            try (Socket s = new Socket("127.0.0.1", server.getLocalPort())) {
                s.setTcpNoDelay(true);
                BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8));
                String line = "{\"v\":1,\"type\":\"tick\",\"seq\":1,\"symbol\":\"EURUSD\",\"bid\":1.1,\"ask\":1.10008}";
                long[] rtt = new long[samples];
                for (int i = -5_000; i < samples; i++) {
                    long start = System.nanoTime();
                    w.write(line);
                    w.write('\n');
                    w.flush();
                    r.readLine();
                    if (i >= 0) {
                        rtt[i] = System.nanoTime() - start;
                    }
                }
                return rtt;
            }
        }
    }

    static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static void print(String what, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf("%-34s n=%d p50 %.1f us  p99 %.1f us  max %.1f us%n", what, nanos.length,
                pct(nanos, 50) / 1e3, pct(nanos, 99) / 1e3, nanos[nanos.length - 1] / 1e3);
    }
}
