package com.vproptrader.gateway.frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers as simple parsers (MQL5's StringToInteger/StringToDouble) read them.
 * <ul>
 * <li>Proto3 JSON prints 64-bit integers as strings (JavaScript can't hold them); our values (ms
 *     timestamps, tickets) fit 2^53, so frames carry them as plain JSON numbers. Parsing accepts both.
 * <li>Doubles are written in plain decimal notation ({@code 0.00001}, never {@code 1.0E-5}; {@code 100000},
 *     not {@code 100000.0}) with the shortest digits that read back to the same double.
 * </ul>
 */
final class WireNumbers {
    private WireNumbers() {
    }

    /** Plain decimals for every finite double anywhere in the tree. */
    static void plainDecimals(JsonNode node) {
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

    static void int64AsNumbers(ObjectNode node, Descriptor type) {
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
                    arr.forEach(el -> int64IfObject(el, fd.getMessageType()));
                } else {
                    int64IfObject(value, fd.getMessageType());
                }
            }
        }
    }

    private static void int64IfObject(JsonNode n, Descriptor type) {
        if (n instanceof ObjectNode o) {
            int64AsNumbers(o, type);
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
