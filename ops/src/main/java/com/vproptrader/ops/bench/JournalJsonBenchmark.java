package com.vproptrader.ops.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.vproptrader.host.journal.JournalKinds;
import com.vproptrader.proto.CandidateRecord;
import com.vproptrader.proto.EntryRecord;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.VoteRecord;
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
 * The journal writer's payload text of two decision records: an entry (a signal, the decision that opened it and its
 * 22 features, a {@code map<string, double>}) and a candidate with five votes. {@code JournalKinds.json} is what the
 * writer calls; {@code JsonFormat} (compact, sorted map keys) is the text it must equal and the baseline, in the same
 * run. The writer prints each record once, and a message makes its map's entry list at the first reflective read and
 * keeps it: so each entry operation prints a fresh copy of the entry, and {@code entryCopy} times the copy alone.
 *
 * <p>Run: {@code java -cp "ops/target/classes:ops/target/lib/*" org.openjdk.jmh.Main JournalJsonBenchmark -prof gc};
 * or, steadier on a shared machine, the same operations in thread CPU time (median of {@code runs} rounds of
 * {@value #PER_ROUND} calls after {@code warmup} rounds):
 * {@code java -cp ... com.vproptrader.ops.bench.JournalJsonBenchmark [warmup, default 10] [runs, default 10]}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class JournalJsonBenchmark {
    private static final JsonFormat.Printer JSON_FORMAT =
            JsonFormat.printer().omittingInsignificantWhitespace().sortingMapKeys();
    private static final String[] FEATURES = {"spread_z", "close", "log_return", "ret_z_20", "price_z_20", "ema_20",
        "ema_50", "ema_slope_20", "ema_slope_50", "atr_14", "rsi_14", "bb_width_20", "rv_10", "rv_30", "rv_100",
        "volume_z_20", "efficiency_20", "vol_ratio", "regime", "session", "hour_server", "spread"};
    private static final String[] ALPHAS = {"alpha-momentum@1.2.0", "alpha-mean-reversion@1.0.0",
        "alpha-breakout@1.0.0", "alpha-volume@1.0.0", "alpha-correlation@1.0.0"};

    static final int PER_ROUND = 20_000;
    /** The last result of the CPU-time rounds: kept, so the calls cannot be dropped. */
    private static Object kept;

    private JournalRecord entry;
    private JournalRecord candidate;

    @Setup
    public void setUp() throws InvalidProtocolBufferException {
        long t0 = 1_704_153_600_123L;
        EntryRecord.Builder e = EntryRecord.newBuilder()
                .setSignal(Signal.newBuilder().setSignalKey("acc1-42").setSymbol("EURUSD").setSide(Side.BUY)
                        .setVolume(0.37).setSl(1.08312).setTp1(1.08712).setTp2(1.08912).setExpiryMsc(t0 + 5_000)
                        .setReferencePrice(1.08519).setAlpha(ALPHAS[0]).setDecidedOnTickMsc(t0))
                .setRegime("TRENDING").setSession("LONDON").setRiskCents(50_000).setRulePack("ftmo-2step")
                .setGovernorState("daily 0.42% of 5%, total 1.10% of 10%").setQStar(0.61).setGrade("A")
                .setModelProbability(0.57).setModelVersion("model-gbt@1.0.0").setAlphaStrength(0.4);
        for (int i = 0; i < FEATURES.length; i++) {   // in the feature engine's order, not sorted
            e.putFeatures(FEATURES[i], 1.08519 + i * 0.013 - Math.sqrt(i) * 0.37);
        }
        for (String alpha : ALPHAS) {
            e.addPluginVersions(alpha);
        }
        entry = JournalRecord.newBuilder().setEntry(e).build();
        CandidateRecord.Builder c = CandidateRecord.newBuilder().setGrade("A").setQStar(0.61).setSide(Side.BUY)
                .setAgreement(0.8).setModel(0.57).setRegime("TRENDING").setRegimeFit(0.9).setExecution(Double.NaN)
                .setLead(ALPHAS[0]);
        for (int i = 0; i < ALPHAS.length; i++) {
            c.addVotes(VoteRecord.newBuilder().setAlpha(ALPHAS[i]).setSide(i == 3 ? Side.SELL : Side.BUY)
                    .setStrength(0.4 - i * 0.05).setWeight(1.0 / (i + 1)).setReason("mom +2.31 sigma over 20 ticks"));
        }
        candidate = JournalRecord.newBuilder().setCandidate(c).build();
        for (JournalRecord r : new JournalRecord[] {entry, candidate}) {
            if (!JournalKinds.json(r).equals(JSON_FORMAT.print(r))) {
                throw new IllegalStateException("the journal's text differs from JsonFormat's for " + r);
            }
        }
    }

    /** A fresh copy of the entry, as the loop hands one to the writer: part of both entry operations. */
    @Benchmark
    public JournalRecord entryCopy() {
        return JournalRecord.newBuilder().setEntry(entry.getEntry().toBuilder()).build();
    }

    /** The writer's text of a fresh entry with its 22 features. */
    @Benchmark
    public String entryJournal() {
        return JournalKinds.json(entryCopy());
    }

    /** Baseline: JsonFormat's text of a fresh copy of the same entry. */
    @Benchmark
    public String entryJsonFormat() throws InvalidProtocolBufferException {
        return JSON_FORMAT.print(entryCopy());
    }

    /** The writer's text of a candidate with five votes. */
    @Benchmark
    public String candidateJournal() {
        return JournalKinds.json(candidate);
    }

    /** Baseline: JsonFormat's text of the same candidate. */
    @Benchmark
    public String candidateJsonFormat() throws InvalidProtocolBufferException {
        return JSON_FORMAT.print(candidate);
    }

    public static void main(String[] args) throws InvalidProtocolBufferException {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        JournalJsonBenchmark b = new JournalJsonBenchmark();
        b.setUp();
        Map<String, Callable<Object>> ops = new LinkedHashMap<>();
        ops.put("entryCopy", b::entryCopy);
        ops.put("entryJournal", b::entryJournal);
        ops.put("entryJsonFormat", b::entryJsonFormat);
        ops.put("candidateJournal", b::candidateJournal);
        ops.put("candidateJsonFormat", b::candidateJsonFormat);
        Map<String, Double> nanos = new LinkedHashMap<>();
        ops.forEach((name, op) -> nanos.put(name, 1e9 / FeedFeaturesCpuTime.measure(String.format("%-20s", name),
                warmup, runs, PER_ROUND, () -> {
                    try {
                        for (int i = 0; i < PER_ROUND; i++) {
                            kept = op.call();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return 0;
                })));
        System.out.printf("%nCPU ns per call (median): %s%n", nanos.entrySet().stream()
                .map(e -> String.format("%s %.0f", e.getKey(), e.getValue())).toList());
        double copy = nanos.get("entryCopy");
        System.out.printf("journal / JsonFormat: entry %.2f (printing alone, copy taken off: %.2f), candidate %.2f%n",
                nanos.get("entryJournal") / nanos.get("entryJsonFormat"),
                (nanos.get("entryJournal") - copy) / (nanos.get("entryJsonFormat") - copy),
                nanos.get("candidateJournal") / nanos.get("candidateJsonFormat"));
    }
}
