package com.vproptrader.host.learn;

/** A trained model of P(TP1 before SL), as the JVM computes it, and the ONNX graph that serves it. */
public interface ProbabilityModel {
    /** What it was trained on. */
    ModelSchema schema();

    /** P(TP1 before SL) for one row in schema order, computed by the Java model itself. */
    double probability(double[] row);

    /**
     * The same model as an ONNX graph: input {@value OnnxGraphs#INPUT} double [n, features], output
     * {@value OnnxGraphs#OUTPUT} float [n, 1].
     */
    byte[] onnx();

    /** A short name of the model family, e.g. "random-forest". */
    String family();
}
