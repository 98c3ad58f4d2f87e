package com.vproptrader.gateway.frame;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The frame mapping done the library's way, as the codec did it before its one-pass reader and writer: protobuf's
 * {@code JsonFormat} printer and parser, with the frames' number rules applied to a Jackson tree in between. The
 * one-pass codec is held to the same lines and the same verdicts ({@code OnePassCodecTest}).
 */
final class JsonFormatReference {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final Set<String> ENVELOPE = Set.of("v", "type", "seq");
    private final JsonFormat.Parser parser = JsonFormat.parser().ignoringUnknownFields();
    private final JsonFormat.Printer printer =
            JsonFormat.printer().omittingInsignificantWhitespace().alwaysPrintFieldsWithNoPresence();

    /** The payload's fields as the frame carries them (no envelope). */
    String fields(Message payload) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(printer.print(payload));
        int64AsNumbers(body, payload.getDescriptorForType());
        plainDecimals(body);
        return JSON.writeValueAsString(body);
    }

    /**
     * A frame's payload fields into {@code builder}; throws whatever the library throws on a bad value, and an
     * IllegalArgumentException naming the first double that is not finite.
     */
    Message payload(String line, Message.Builder builder) throws Exception {
        ObjectNode fields = (ObjectNode) JSON.readTree(line);
        fields.remove(ENVELOPE);
        parser.merge(JSON.writeValueAsString(fields), builder);
        Message m = builder.build();
        String nonFinite = firstNonFinite(m, "");
        if (nonFinite != null) {
            throw new IllegalArgumentException(nonFinite + " is not a finite number");
        }
        return m;
    }

    private static String firstNonFinite(Message m, String prefix) {
        for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
            FieldDescriptor fd = e.getKey();
            List<?> values = fd.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
            for (Object v : values) {
                if (v instanceof Double d && !Double.isFinite(d)) return prefix + fd.getJsonName();
                if (v instanceof Float f && !Float.isFinite(f)) return prefix + fd.getJsonName();
                if (v instanceof Message nested) {
                    String p = firstNonFinite(nested, prefix + fd.getJsonName() + ".");
                    if (p != null) return p;
                }
            }
        }
        return null;
    }

    private static void plainDecimals(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.properties().forEach(e -> {
                if (e.getValue().isFloatingPointNumber()) {
                    e.setValue(decimal(e.getValue()));
                } else {
                    plainDecimals(e.getValue());
                }
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isFloatingPointNumber()) {
                    a.set(i, decimal(a.get(i)));
                } else {
                    plainDecimals(a.get(i));
                }
            }
        }
    }

    private static JsonNode decimal(JsonNode d) {
        double v = d.doubleValue();
        return Double.isFinite(v) ? DecimalNode.valueOf(new BigDecimal(Double.toString(v)).stripTrailingZeros()) : d;
    }

    private static void int64AsNumbers(ObjectNode node, Descriptor type) {
        for (FieldDescriptor fd : type.getFields()) {
            JsonNode value = node.get(fd.getJsonName());
            if (value == null) {
                continue;
            }
            if (fd.getJavaType() == FieldDescriptor.JavaType.LONG) {
                if (fd.isRepeated() && value instanceof ArrayNode arr) {
                    for (int i = 0; i < arr.size(); i++) {
                        arr.set(i, number(arr.get(i)));
                    }
                } else {
                    node.set(fd.getJsonName(), number(value));
                }
            } else if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !fd.isMapField()) {
                if (value instanceof ArrayNode arr) {
                    arr.forEach(el -> {
                        if (el instanceof ObjectNode o) {
                            int64AsNumbers(o, fd.getMessageType());
                        }
                    });
                } else if (value instanceof ObjectNode o) {
                    int64AsNumbers(o, fd.getMessageType());
                }
            }
        }
    }

    private static JsonNode number(JsonNode v) {
        if (!v.isTextual()) {
            return v;
        }
        BigInteger big = new BigInteger(v.asText());
        return big.bitLength() < 64 ? LongNode.valueOf(big.longValue()) : BigIntegerNode.valueOf(big);
    }
}
