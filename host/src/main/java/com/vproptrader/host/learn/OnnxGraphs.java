package com.vproptrader.host.learn;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.List;

/**
 * Small builders over the ONNX protobuf classes (shipped in tribuo-util-onnx) for the graphs the trainers
 * write: one input {@value #INPUT} (double, [n, features]) and one output {@value #OUTPUT} (float, [n, 1]).
 * Opsets: ai.onnx 14, ai.onnx.ml 3 (the first with double thresholds, {@code nodes_values_as_tensor}).
 */
final class OnnxGraphs {
    static final String INPUT = "features";
    static final String OUTPUT = "probability";
    static final String ML_DOMAIN = "ai.onnx.ml";
    private static final long IR_VERSION = 8;

    private OnnxGraphs() {
    }

    static byte[] model(OnnxMl.GraphProto graph, String docString) {
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("vproptrader-learn")
                .setDocString(docString)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(14))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain(ML_DOMAIN).setVersion(3))
                .setGraph(graph)
                .build().toByteArray();
    }

    static NodeProto node(String op, String domain, List<String> inputs, List<String> outputs,
                          List<AttributeProto> attributes) {
        return NodeProto.newBuilder().setOpType(op).setDomain(domain).setName(outputs.get(0) + "_" + op)
                .addAllInput(inputs).addAllOutput(outputs).addAllAttribute(attributes).build();
    }

    /** A tensor value of the given element type; a dimension of -1 is the batch dimension "n". */
    static ValueInfoProto tensor(String name, TensorProto.DataType type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("n")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }

    static AttributeProto ints(String name, long[] values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto floats(String name, double[] values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOATS);
        for (double v : values) {
            a.addFloats((float) v);
        }
        return a.build();
    }

    static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto strings(String name, List<String> values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRINGS);
        values.forEach(v -> a.addStrings(com.google.protobuf.ByteString.copyFromUtf8(v)));
        return a.build();
    }

    /** A double tensor attribute (thresholds and leaf weights kept at full precision). */
    static AttributeProto doubles(String name, double[] values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.DOUBLE_VALUE)
                .addDims(values.length);
        for (double v : values) {
            t.addDoubleData(v);
        }
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(t).build();
    }

    static TensorProto int64s(String name, long[] dims, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (long v : values) {
            t.addInt64Data(v);
        }
        return t.build();
    }

    static TensorProto floatTensor(String name, long[] dims, float[] values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (float v : values) {
            t.addFloatData(v);
        }
        return t.build();
    }
}
