package com.vproptrader.ops.bench;

import com.vproptrader.gateway.Gateway;
import com.vproptrader.gateway.GatewayConfig;
import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.proto.Account;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.MarginMode;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.data.SyntheticTicks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The host's stop after a flood of signals: a terminal stand-in sends rising ticks through the gateway to the real
 * host (every plugin of the folder, FTMO 2-Step with the order-rate limit lifted) and fills each signal at once,
 * opening and closing the position (a win, a win, a loss, ...), so every signal leaves a closed trade for the
 * long-term memory, the alpha weights and the navigator. Then it stops the host as a SIGTERM would and prints how
 * long {@code Host.close()} took; every 5 s of a slow stop it prints where the closing thread is.
 *
 * <p>Run: {@code java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.bench.HostStopBench
 * [plugin-jar-folder, default ops/target/plugins] [exchanges, default 3000]}
 */
public final class HostStopBench {
    private static final FrameCodec CODEC = new FrameCodec();

    public static void main(String[] args) throws Exception {
        Path pluginJars = Path.of(args.length > 0 ? args[0] : "ops/target/plugins");
        int exchanges = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        HostConfig config = LinkLatencyBench.benchHost(pluginJars, Files.createTempDirectory("host-stop-bench"));
        Host host = Host.start(config);
        int signals;
        long floodStart = System.nanoTime();
        try (Gateway gateway = Gateway.start(GatewayConfig.defaults().withListenPort(0)
                .withHostTarget("127.0.0.1:" + host.grpcPort()));
             Socket socket = new Socket("127.0.0.1", gateway.port())) {
            signals = flood(socket, exchanges);
        }
        System.out.printf("exchanges %d, signals filled and closed %d, in %.1f s; account loop queue at the stop %d%n",
                exchanges, signals, (System.nanoTime() - floodStart) / 1e9, host.engine().queueDepth());
        Thread closing = Thread.currentThread();
        Thread watch = new Thread(() -> whereIs(closing), "stop-watch");
        watch.setDaemon(true);
        watch.start();
        long stopStart = System.nanoTime();
        host.close();
        System.out.printf("host stop (Host.close) took %.2f s%n", (System.nanoTime() - stopStart) / 1e9);
        System.exit(0); // the gateway's and the host's non-daemon threads are gone; this ends the bench at once
    }

    /** Every 5 s: the closing thread's innermost project frames. */
    private static void whereIs(Thread closing) {
        long start = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                return;
            }
            System.out.printf("stopping for %.0f s, in %s%n", (System.nanoTime() - start) / 1e9,
                    Arrays.stream(closing.getStackTrace()).filter(f -> f.getClassName().startsWith("com.vproptrader"))
                            .limit(3).map(f -> f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName())
                            .toList());
        }
    }

    /** Hello, then per exchange a rising tick and, for its signal, the entry fill, the exit fill and the account. */
    private static int flood(Socket socket, int exchanges) throws Exception {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(200);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        long seq = 0;
        long time = SyntheticTicks.START_MSC;
        double bid = 1.1;
        double balance = 100_000;
        SymbolSpec spec = SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5).setContractSize(100_000)
                .setTickSize(0.00001).setTickValue(1).setVolumeMin(0.01).setVolumeStep(0.01).setVolumeMax(100).build();
        send(out, TerminalEvent.newBuilder().setSeq(++seq).setHello(Hello.newBuilder().setAccountId("bench")
                .setServerTimeMsc(time).setTerminal("bench").addSymbols(spec).setAccount(account(balance, time))).build());
        int signals = 0;
        long deal = 0;
        for (int i = 0; i < exchanges; i++) {
            bid = round5(bid + 0.00003);
            time += 100;
            send(out, TerminalEvent.newBuilder().setSeq(++seq).setTick(Tick.newBuilder().setSymbol("EURUSD")
                    .setTimeMsc(time).setBid(bid).setAsk(round5(bid + 0.00008))).build());
            Signal s = LinkLatencyBench.awaitSignal(in);
            if (s == null) {
                continue;
            }
            signals++;
            long position = ++deal;
            double profit = i % 3 == 0 ? -5 : 6;
            balance += profit;
            Fill.Builder fill = Fill.newBuilder().setPositionId(position).setSymbol("EURUSD").setVolume(s.getVolume())
                    .setPrice(s.getReferencePrice()).setSignalKey(s.getSignalKey());
            send(out, TerminalEvent.newBuilder().setSeq(++seq).setFill(fill.clone().setDeal(++deal).setOrder(position)
                    .setSide(s.getSide()).setEntry(DealEntry.ENTRY_IN).setTimeMsc(time + 1).setReason("signal")).build());
            send(out, TerminalEvent.newBuilder().setSeq(++seq).setFill(fill.clone().setDeal(++deal).setOrder(deal)
                    .setSide(s.getSide() == Side.BUY ? Side.SELL : Side.BUY).setEntry(DealEntry.ENTRY_OUT)
                    .setProfit(profit).setTimeMsc(time + 2).setReason("close")).build());
            send(out, TerminalEvent.newBuilder().setSeq(++seq).setAccount(account(balance, time + 3)).build());
        }
        return signals;
    }

    private static Account.Builder account(double balance, long timeMsc) {
        return Account.newBuilder().setAccountId("bench").setCurrency("USD").setBalance(balance).setEquity(balance)
                .setFreeMargin(balance).setMarginMode(MarginMode.HEDGING).setServerTimeMsc(timeMsc);
    }

    private static void send(BufferedWriter out, TerminalEvent event) throws Exception {
        out.write(CODEC.encodeEvent(event));
        out.write('\n');
        out.flush();
    }

    private static double round5(double v) {
        return Math.round(v * 100_000) / 100_000.0;
    }
}
