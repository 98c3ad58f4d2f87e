package com.vproptrader.host.macro.sentiment;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX text-classifier slot: a vocabulary file (the tokenizer: one token per line, line i = feature i, text
 * split by {@link Tokens}) and an ONNX model taking one float tensor {@code [1, vocabulary size]} of token counts
 * and returning class probabilities {@code [1, labels]}. {@code labels} names the output classes in order and
 * must contain "negative" and "positive"; score = P(positive) − P(negative). One ONNX Runtime session, reused,
 * with its input buffer allocated once; calls are serialised.
 */
public final class OnnxTextClassifier implements SentimentScorer, AutoCloseable {
    public static final String NAME = "onnx";

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String input;
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final float[] counts;
    private final int negative;
    private final int positive;
    private final int classes;

    public OnnxTextClassifier(Path model, Path vocabularyFile, List<String> labels) {
        this.negative = labels.indexOf("negative");
        this.positive = labels.indexOf("positive");
        this.classes = labels.size();
        if (negative < 0 || positive < 0) {
            throw new IllegalArgumentException("sentiment model labels " + labels + " need 'negative' and 'positive'");
        }
        try {
            List<String> tokens = Files.readAllLines(vocabularyFile);
            for (int i = 0; i < tokens.size(); i++) {
                vocabulary.putIfAbsent(tokens.get(i).strip(), i);
            }
            this.counts = new float[tokens.size()];
            this.session = env.createSession(model.toString(), new OrtSession.SessionOptions());
            Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
            this.input = in.getKey();
            long[] shape = ((TensorInfo) in.getValue().getInfo()).getShape();
            if (shape.length != 2 || shape[1] != counts.length) {
                session.close();
                throw new IllegalArgumentException("sentiment model " + model + " takes " + Arrays.toString(shape)
                        + ", the vocabulary has " + counts.length + " tokens");
            }
        } catch (IOException | OrtException e) {
            throw new IllegalArgumentException("sentiment model " + model + " / " + vocabularyFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized double score(String text) {
        Arrays.fill(counts, 0f);
        for (String token : Tokens.of(text)) {
            Integer i = vocabulary.get(token);
            if (i != null) {
                counts[i]++;
            }
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(counts), new long[]{1, counts.length});
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            float[] p = ((float[][]) result.get(0).getValue())[0];
            if (p.length != classes) {
                throw new IllegalStateException("sentiment model returned " + p.length + " classes, labels say " + classes);
            }
            return Math.max(-1, Math.min(1, p[positive] - p[negative]));
        } catch (OrtException e) {
            throw new IllegalStateException("sentiment model failed on '" + text + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
