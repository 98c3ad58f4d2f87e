package com.vproptrader.ops.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.vproptrader.host.learn.Autoencoder;
import com.vproptrader.host.learn.BoostedTrees;
import com.vproptrader.host.learn.BoostedTreesTrainer;
import com.vproptrader.host.learn.CandidateFeatures;
import com.vproptrader.host.learn.ForestTrainer;
import com.vproptrader.host.learn.LabeledEntry;
import com.vproptrader.host.learn.Metrics;
import com.vproptrader.host.learn.ModelSchema;
import com.vproptrader.host.learn.OnnxRowSession;
import com.vproptrader.host.learn.ProbabilityModel;
import com.vproptrader.host.learn.RandomForest;
import com.vproptrader.host.learn.SequenceModel;
import com.vproptrader.host.learn.SequenceTrainer;
import com.vproptrader.host.learn.SyntheticEntries;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The learning loop's figures, on SYNTHETIC rows (host/learn SyntheticEntries: known rules, not market data),
 * in one process:
 * <ol>
 *   <li>training time of each model on {@code rows} rows (default 100,000), wall and CPU (on a shared machine the
 *       CPU time is the trainer's own cost): random forest and boosted trees on the host's candidate vector, the
 *       two-head LSTM on sequences of 10 steps, the autoencoder;</li>
 *   <li>the tree models' out-of-sample AUC, log loss and Brier score on 20,000 held-out rows of another seed;</li>
 *   <li>single-row latency after warm-up through ONNX Runtime (one session, preallocated input, as the model
 *       plugin serves) next to the Java model's own predict on the same rows: p50, p99 and their ratio.</li>
 * </ol>
 * Run: {@code java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.bench.LearnBench [rows] [calls]
 * [models]}, models a comma-separated subset of {@code forest,gbt,ae,lstm} (default all).
 */
public final class LearnBench {
    private static final int WARMUP = 20_000;
    private static final int STEPS = 10;
    /** Rows of another seed the tree models are judged on (out of sample: never trained on). */
    private static final int HELD_OUT = 20_000;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        java.util.Set<String> models = java.util.Set.of((args.length > 2 ? args[2] : "forest,gbt,ae,lstm").split(","));
        ModelSchema schema = CandidateFeatures.DEFAULT.schema();
        List<LabeledEntry> data = SyntheticEntries.generate(schema, rows, 1);
        System.out.printf("LearnBench: %d training rows, %d features, %d timed calls per path, %d cores%n", rows,
                schema.size(), calls, Runtime.getRuntime().availableProcessors());
        List<LabeledEntry> heldOut = SyntheticEntries.generate(schema, HELD_OUT, 2);
        double[][] probe = heldOut.subList(0, 1_000).stream().map(LabeledEntry::features).toArray(double[][]::new);

        if (models.contains("forest")) {
            long[] t0 = start();
            RandomForest forest = new ForestTrainer(ForestTrainer.Config.DEFAULT).train(schema, data);
            double[] trainS = elapsed(t0);
            quality(forest, heldOut);
            report("random forest (" + forest.trees() + " trees, depth " + ForestTrainer.Config.DEFAULT.maxDepth()
                    + ")", trainS, forest::probability, forest.onnx(), probe, calls);
        }
        if (models.contains("gbt")) {
            long[] t0 = start();
            BoostedTrees gbt = new BoostedTreesTrainer(BoostedTreesTrainer.Config.DEFAULT).train(schema, data);
            double[] trainS = elapsed(t0);
            quality(gbt, heldOut);
            report("boosted trees (" + gbt.rounds() + " rounds, depth " + BoostedTreesTrainer.Config.DEFAULT.maxDepth()
                    + ")", trainS, gbt::probability, gbt.onnx(), probe, calls);
        }
        if (models.contains("ae")) {
            long[] t0 = start();
            Autoencoder ae = Autoencoder.train(data.stream().map(LabeledEntry::features).toList(),
                    Autoencoder.Config.DEFAULT);
            report("autoencoder (" + schema.size() + "-" + Autoencoder.Config.DEFAULT.code() + "-" + schema.size() + ")",
                    elapsed(t0), ae::error, ae.onnx(), probe, calls);
        }
        if (models.contains("lstm")) {
            List<SequenceTrainer.Sample> seqs = SyntheticEntries.sequences(rows, STEPS, 3);
            long[] t0 = start();
            SequenceModel lstm = new SequenceTrainer(SequenceTrainer.Config.DEFAULT).train(2, seqs);
            lstm(lstm, elapsed(t0), SyntheticEntries.sequences(1_000, STEPS, 4), calls);
        }
        System.out.println("(checksum of all outputs, keeps the JIT from dropping calls: " + sink + ")");
    }

    /** Wall clock and this thread's CPU time at the start of a training run (all trainers are single-threaded). */
    private static long[] start() {
        return new long[] {System.nanoTime(), CPU.getCurrentThreadCpuTime()};
    }

    /** Wall and CPU seconds since {@link #start()}: on a shared machine the CPU time is the trainer's own cost. */
    private static double[] elapsed(long[] start) {
        return new double[] {(System.nanoTime() - start[0]) / 1e9, (CPU.getCurrentThreadCpuTime() - start[1]) / 1e9};
    }

    /** Out-of-sample quality on the held-out rows, printed before the timing line of the same model. */
    private static void quality(ProbabilityModel model, List<LabeledEntry> heldOut) {
        Metrics m = Metrics.of(model, heldOut);
        System.out.printf("%s on %d held-out rows: AUC %.4f, log loss %.4f, Brier %.4f%n", model.family(), m.rows(),
                m.auc(), m.logLoss(), m.brier());
    }

    private static void report(String name, double[] trainS, ToDoubleFunction<double[]> java, byte[] onnx,
                               double[][] probe, int calls) {
        try (OnnxRowSession ort = new OnnxRowSession(onnx, probe[0].length)) {
            long[] javaNs = time(i -> java.applyAsDouble(probe[i % probe.length]), calls);
            long[] ortNs = time(i -> ort.score(probe[i % probe.length]), calls);
            print(name, trainS, ortNs, javaNs);
        }
    }

    private static void lstm(SequenceModel model, double[] trainS, List<SequenceTrainer.Sample> probe, int calls)
            throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        var options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        try (OrtSession session = env.createSession(model.onnx(), options)) {
            FloatBuffer buf = ByteBuffer.allocateDirect(STEPS * 2 * Float.BYTES).order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
            try (OnnxTensor in = OnnxTensor.createTensor(env, buf, new long[] {STEPS, 1, 2})) {
                Map<String, OnnxTensor> inputs = Map.of("sequence", in);
                long[] ortNs = time(i -> {
                    double[][] s = probe.get(i % probe.size()).steps();
                    buf.clear();
                    for (double[] step : s) {
                        buf.put((float) step[0]).put((float) step[1]);
                    }
                    try (OrtSession.Result r = session.run(inputs)) {
                        return ((float[][]) r.get(0).getValue())[0][0];
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, calls);
                long[] javaNs = time(i -> model.predict(probe.get(i % probe.size()).steps())[0], calls);
                print("LSTM two heads (" + STEPS + " steps, 2 features, 8 units)", trainS, ortNs, javaNs);
            }
        }
    }

    private interface Call {
        double run(int i);
    }

    private static double sink;

    private static long[] time(Call call, int calls) {
        for (int i = 0; i < WARMUP; i++) {
            sink += call.run(i);
        }
        long[] ns = new long[calls];
        for (int i = 0; i < calls; i++) {
            long s = System.nanoTime();
            sink += call.run(i);
            ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        return ns;
    }

    private static void print(String name, double[] trainS, long[] ort, long[] java) {
        double ortP50 = pct(ort, 50);
        double ortP99 = pct(ort, 99);
        double javaP50 = pct(java, 50);
        double javaP99 = pct(java, 99);
        System.out.printf("%-44s train %7.1f s wall, %7.1f s CPU | ONNX Runtime p50 %7.1f µs p99 %7.1f µs | Java p50 %7.1f µs"
                + " p99 %7.1f µs | ORT/Java p50 %.2f%n", name, trainS[0], trainS[1], ortP50, ortP99, javaP50, javaP99,
                ortP50 / javaP50);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) ((long) sorted.length * p / 100))] / 1_000.0;
    }
}
