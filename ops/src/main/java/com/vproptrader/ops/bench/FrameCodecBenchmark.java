package com.vproptrader.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.gateway.frame.FrameException;
import com.vproptrader.gateway.frame.ToEaFrame;
import com.vproptrader.proto.Account;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.MarginMode;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gateway's frame codec alone, per frame: the EA's tick and hello decoded (EA → gateway), the host's signal
 * encoded (gateway → EA), and the stand-in's side of both. Beside them, in the same run, the floor of one JSON
 * pass: Jackson parsing the same tick line into a tree, and writing the same signal line from a tree.
 *
 * <p>Run: {@code java -cp "ops/target/classes:ops/target/lib/*" org.openjdk.jmh.Main FrameCodecBenchmark -prof gc};
 * or, steadier on a shared machine, the same operations in thread CPU time (median of {@code runs} rounds of
 * {@value #PER_ROUND} frames after {@code warmup} rounds): {@code java -cp ... com.vproptrader.ops.bench.FrameCodecBenchmark
 * [warmup, default 10] [runs, default 10]}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class FrameCodecBenchmark {
    private static final long T0 = 1_704_153_600_123L;
    static final int PER_ROUND = 100_000;

    private final FrameCodec codec = new FrameCodec();
    private final ObjectMapper json = new ObjectMapper();
    private String tickLine;
    private String helloLine;
    private String signalLine;
    private TerminalEvent tick;
    private HostCommand signal;
    private JsonNode signalTree;

    @Setup
    public void setUp() throws IOException {
        tick = TerminalEvent.newBuilder().setSeq(1_234).setTick(Tick.newBuilder().setSymbol("EURUSD").setTimeMsc(T0)
                .setBid(1.08512).setAsk(1.08519).setFlags(6)).build();
        signal = HostCommand.newBuilder().setSeq(77).setSignal(Signal.newBuilder().setSignalKey("acc1-42")
                .setSymbol("EURUSD").setSide(Side.BUY).setVolume(0.37).setSl(1.08312).setTp1(1.08712)
                .setTp2(1.08912).setExpiryMsc(T0 + 5_000).setReferencePrice(1.08519).setAlpha("momentum@1.0.0")
                .setDecidedOnTickMsc(T0)).build();
        tickLine = codec.encodeEvent(tick);
        helloLine = codec.encodeEvent(TerminalEvent.newBuilder().setSeq(1).setHello(hello()).build());
        signalLine = codec.encodeCommand(signal);
        signalTree = json.readTree(signalLine);
    }

    private static Hello hello() {
        Hello.Builder h = Hello.newBuilder().setAccountId("1001").setToken("s3cret").setServerTimeMsc(T0)
                .setTerminal("terminal-sim").setServerUtcOffsetSec(7_200)
                .setAccount(Account.newBuilder().setAccountId("1001").setCurrency("USD").setBalance(100_000)
                        .setEquity(100_012.5).setMargin(1_095.2).setFreeMargin(98_917.3).setServerTimeMsc(T0)
                        .setMarginMode(MarginMode.HEDGING).setLeverage(100));
        for (String s : new String[] {"EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "US30", "NAS100"}) {
            h.addSymbols(SymbolSpec.newBuilder().setSymbol(s).setDigits(5).setContractSize(100_000)
                    .setTickSize(0.00001).setTickValue(1.0).setVolumeMin(0.01).setVolumeStep(0.01).setVolumeMax(100));
        }
        h.addPositions(Position.newBuilder().setTicket(5_000_001).setSymbol("EURUSD").setSide(Side.BUY).setVolume(0.1)
                .setOpenPrice(1.09512).setSl(1.09312).setTp(1.09912).setOpenTimeMsc(T0).setProfit(12.5)
                .setMagic(20_240_101).setSignalKey("acc1-42"));
        return h.build();
    }

    /** EA → gateway, the hot frame. */
    @Benchmark
    public TerminalEvent decodeTick() throws FrameException {
        return codec.decodeEvent(tickLine);
    }

    /** EA → gateway, the largest frame (6 symbols, 1 position), once per connection. */
    @Benchmark
    public TerminalEvent decodeHello() throws FrameException {
        return codec.decodeEvent(helloLine);
    }

    /** Gateway → EA, the frame on the latency path. */
    @Benchmark
    public String encodeSignal() {
        return codec.encodeCommand(signal);
    }

    /** Stand-in side: a tick as the terminal writes it. */
    @Benchmark
    public String encodeTick() {
        return codec.encodeEvent(tick);
    }

    /** Stand-in side: the signal as the terminal reads it. */
    @Benchmark
    public ToEaFrame decodeSignal() throws FrameException {
        return codec.decodeToEa(signalLine);
    }

    /** Floor: one JSON parse of the tick line into a tree, nothing else. */
    @Benchmark
    public JsonNode jsonParseTick() throws IOException {
        return json.readTree(tickLine);
    }

    /** Floor: one JSON write of the signal line from a tree, nothing else. */
    @Benchmark
    public String jsonWriteSignal() throws IOException {
        return json.writeValueAsString(signalTree);
    }

    public static void main(String[] args) throws IOException {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        FrameCodecBenchmark b = new FrameCodecBenchmark();
        b.setUp();
        Map<String, Callable<Object>> ops = new LinkedHashMap<>();
        ops.put("decodeTick", b::decodeTick);
        ops.put("decodeHello", b::decodeHello);
        ops.put("encodeSignal", b::encodeSignal);
        ops.put("encodeTick", b::encodeTick);
        ops.put("decodeSignal", b::decodeSignal);
        ops.put("jsonParseTick", b::jsonParseTick);
        ops.put("jsonWriteSignal", b::jsonWriteSignal);
        Map<String, Double> nanos = new LinkedHashMap<>();
        ops.forEach((name, op) -> nanos.put(name, 1e9 / FeedFeaturesCpuTime.measure(String.format("%-16s", name),
                warmup, runs, PER_ROUND, () -> {
                    int n = 0;
                    try {
                        for (int i = 0; i < PER_ROUND; i++) {
                            n += op.call().hashCode() & 1;
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return n;
                })));
        System.out.printf("%nCPU ns per frame (median): %s%n", nanos.entrySet().stream()
                .map(e -> String.format("%s %.0f", e.getKey(), e.getValue())).toList());
        System.out.printf("ratios to one JSON pass: decodeTick / jsonParseTick %.1fx, encodeSignal / jsonWriteSignal %.1fx%n",
                nanos.get("decodeTick") / nanos.get("jsonParseTick"), nanos.get("encodeSignal") / nanos.get("jsonWriteSignal"));
    }
}
