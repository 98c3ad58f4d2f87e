package com.vproptrader.gateway.frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills a protobuf builder from the frame's already parsed JSON tree, by the proto3 JSON mapping (the rules of
 * protobuf's {@code JsonFormat} parser with unknown fields ignored), so a line is parsed once instead of being
 * parsed, printed and parsed again:
 * <ul>
 * <li>a field is named by its JSON name ({@code timeMsc}) or its proto name ({@code time_msc}); unknown keys and
 *     unknown enum names are ignored, so a newer EA can add both;</li>
 * <li>integers are JSON numbers or strings of digits, and a number with a zero fraction ({@code 5.0}, {@code 5e0})
 *     counts; doubles are numbers or the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (and any
 *     decimal string); enums a name or a number; bools {@code true}/{@code false} or those strings; bytes base64;
 *     {@code null} leaves a field unset;</li>
 * <li>a value of the wrong JSON type, out of its range, or a field given twice (under both names) is refused with
 *     a {@link Bad} naming the field ({@code account.equity}); so is a double that is not finite, anywhere in the
 *     frame (the frames' own rule, checked here where the value is at hand). A one-element array where a scalar belongs is refused too (JsonFormat, through
 *     Gson, took the element).</li>
 * </ul>
 * Map fields and the well-known types have no frame and are refused when the codec is built ({@link #check}).
 */
final class JsonToProto {
    private static final BigDecimal MAX_DOUBLE = new BigDecimal(String.valueOf(Double.MAX_VALUE))
            .multiply(new BigDecimal(String.valueOf(1.0 + 1e-6)));
    private static final BigInteger MAX_UINT64 = new BigInteger("FFFFFFFFFFFFFFFF", 16);
    private static final Map<Descriptor, Map<String, FieldDescriptor>> NAMES = new ConcurrentHashMap<>();

    /** A value the mapping cannot take; the message names the field and the value. */
    static final class Bad extends Exception {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private JsonToProto() {
    }

    /** Refuses a message type that reaches a map field or a well-known type: this mapping does not cover them. */
    static void check(Descriptor type) {
        for (FieldDescriptor fd : type.getFields()) {
            if (fd.isMapField()) {
                throw new IllegalStateException(fd.getFullName() + ": map fields have no frame mapping");
            }
            if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (fd.getMessageType().getFile().getPackage().equals("google.protobuf")) {
                    throw new IllegalStateException(fd.getFullName() + ": well-known types have no frame mapping");
                }
                if (fd.getMessageType() != type) {
                    check(fd.getMessageType());
                }
            }
        }
    }

    /** Merges {@code object}'s fields into {@code builder}, skipping the keys in {@code skip} (the envelope). */
    static void merge(ObjectNode object, Message.Builder builder, Set<String> skip) throws Bad {
        merge(object, builder, skip, "");
    }

    /** {@code path}: where this object sits in the frame ({@code "account."}), for the messages. */
    private static void merge(ObjectNode object, Message.Builder builder, Set<String> skip, String path) throws Bad {
        Map<String, FieldDescriptor> names = names(builder.getDescriptorForType());
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (skip.contains(e.getKey())) {
                continue;
            }
            FieldDescriptor fd = names.get(e.getKey());
            if (fd != null) {
                field(fd, path, e.getValue(), builder);
            }
        }
    }

    private static Map<String, FieldDescriptor> names(Descriptor type) {
        return NAMES.computeIfAbsent(type, t -> {
            Map<String, FieldDescriptor> m = new HashMap<>();
            for (FieldDescriptor fd : t.getFields()) {
                m.put(fd.getName(), fd);
                m.put(fd.getJsonName(), fd);
            }
            return m;
        });
    }

    private static void field(FieldDescriptor fd, String path, JsonNode value, Message.Builder builder) throws Bad {
        if (fd.isRepeated() ? builder.getRepeatedFieldCount(fd) > 0 : builder.hasField(fd)) {
            throw new Bad(path + fd.getJsonName() + " is given twice");
        }
        OneofDescriptor oneof = fd.getContainingOneof();
        if (!fd.isRepeated() && oneof != null && builder.getOneofFieldDescriptor(oneof) != null) {
            throw new Bad(path + fd.getJsonName() + " and " + builder.getOneofFieldDescriptor(oneof).getJsonName()
                    + " are one choice, both given");
        }
        if (value.isNull()) {
            return;
        }
        if (!fd.isRepeated()) {
            Object v = value(fd, path, value, builder);
            if (v != null) {
                builder.setField(fd, v);
            }
            return;
        }
        if (!(value instanceof ArrayNode array)) {
            throw new Bad(path + fd.getJsonName() + ": an array expected, got " + value);
        }
        for (JsonNode element : array) {
            Object v = element.isNull() ? null : value(fd, path, element, builder);
            if (v == null) {
                if (fd.getJavaType() == FieldDescriptor.JavaType.ENUM) {
                    continue; // an enum value this side does not know, as for a single enum
                }
                throw new Bad(path + fd.getJsonName() + ": an element is null");
            }
            builder.addRepeatedField(fd, v);
        }
    }

    /** One value of the field's type; null only for an enum value this side cannot name. */
    private static Object value(FieldDescriptor fd, String path, JsonNode v, Message.Builder builder) throws Bad {
        if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            if (!(v instanceof ObjectNode object)) {
                throw new Bad(path + fd.getJsonName() + ": an object expected, got " + v);
            }
            Message.Builder sub = builder.newBuilderForField(fd);
            merge(object, sub, Set.of(), path + fd.getJsonName() + ".");
            return sub.build();
        }
        if (!v.isValueNode()) {
            throw new Bad(path + fd.getJsonName() + ": a value expected, got " + v);
        }
        return switch (fd.getType()) {
            case INT32, SINT32, SFIXED32 -> v.isInt() ? v.intValue() : int32(path, fd, v);
            case INT64, SINT64, SFIXED64 -> v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : int64(path, fd, v);
            case UINT32, FIXED32 -> uint32(path, fd, v);
            case UINT64, FIXED64 -> uint64(path, fd, v);
            case DOUBLE -> finite(path, fd, v.isDouble() || v.isInt() || v.isLong() ? v.doubleValue() : decimal(path, fd, v));
            case FLOAT -> (float) finite(path, fd, float32(path, fd, v));
            case BOOL -> bool(path, fd, v);
            case STRING -> v.isTextual() ? v.textValue() : v.asText();
            case BYTES -> bytes(path, fd, v);
            case ENUM -> enumValue(fd.getEnumType(), v);
            default -> throw new Bad(path + fd.getJsonName() + ": type " + fd.getType() + " has no frame mapping");
        };
    }

    /** The frames' rule on top of the mapping: every double anywhere in a frame is finite. */
    private static double finite(String path, FieldDescriptor fd, double d) throws Bad {
        if (!Double.isFinite(d)) {
            throw new Bad(path + fd.getJsonName() + " is not a finite number");
        }
        return d;
    }

    private static int int32(String path, FieldDescriptor fd, JsonNode v) throws Bad {
        try {
            return exact(v).intValueExact();
        } catch (ArithmeticException e) {
            throw new Bad(path + fd.getJsonName() + ": not a 32-bit integer: " + v);
        }
    }

    private static long int64(String path, FieldDescriptor fd, JsonNode v) throws Bad {
        try {
            return exact(v).longValueExact();
        } catch (ArithmeticException e) {
            throw new Bad(path + fd.getJsonName() + ": not a 64-bit integer: " + v);
        }
    }

    private static int uint32(String path, FieldDescriptor fd, JsonNode v) throws Bad {
        BigInteger i = unsigned(path, fd, v);
        if (i.bitLength() > 32) {
            throw new Bad(path + fd.getJsonName() + ": out of range for an unsigned 32-bit integer: " + v);
        }
        return i.intValue();
    }

    private static long uint64(String path, FieldDescriptor fd, JsonNode v) throws Bad {
        BigInteger i = unsigned(path, fd, v);
        if (i.compareTo(MAX_UINT64) > 0) {
            throw new Bad(path + fd.getJsonName() + ": out of range for an unsigned 64-bit integer: " + v);
        }
        return i.longValue();
    }

    private static BigInteger unsigned(String path, FieldDescriptor fd, JsonNode v) throws Bad {
        try {
            BigInteger i = exact(v).toBigIntegerExact();
            if (i.signum() < 0) {
                throw new Bad(path + fd.getJsonName() + ": an unsigned integer cannot be negative: " + v);
            }
            return i;
        } catch (ArithmeticException e) {
            throw new Bad(path + fd.getJsonName() + ": not an integer: " + v);
        }
    }

    /** The value as an exact decimal; ArithmeticException when it is not a number. */
    private static BigDecimal exact(JsonNode v) {
        if (v.isIntegralNumber()) {
            return new BigDecimal(v.bigIntegerValue());
        }
        try {
            return new BigDecimal(v.asText());
        } catch (NumberFormatException e) {
            throw new ArithmeticException("not a number");
        }
    }

    private static double decimal(String path, FieldDescriptor fd, JsonNode v) throws Bad {
        String s = v.asText();
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        BigDecimal d;
        try {
            d = v.isBigInteger() ? new BigDecimal(v.bigIntegerValue()) : new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new Bad(path + fd.getJsonName() + ": not a number: " + v);
        }
        if (d.abs().compareTo(MAX_DOUBLE) > 0) {
            throw new Bad(path + fd.getJsonName() + ": out of range for a double: " + v);
        }
        return d.doubleValue();
    }

    private static float float32(String path, FieldDescriptor fd, JsonNode v) throws Bad {
        String s = v.asText();
        double d;
        try {
            d = s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity") ? decimal(path, fd, v) : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new Bad(path + fd.getJsonName() + ": not a number: " + v);
        }
        if (Math.abs(d) > Float.MAX_VALUE * (1.0 + 1e-6) && Double.isFinite(d)) {
            throw new Bad(path + fd.getJsonName() + ": out of range for a float: " + v);
        }
        return (float) d;
    }

    private static boolean bool(String path, FieldDescriptor fd, JsonNode v) throws Bad {
        String s = v.asText();
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        throw new Bad(path + fd.getJsonName() + ": not true or false: " + v);
    }

    private static ByteString bytes(String path, FieldDescriptor fd, JsonNode v) throws Bad {
        String s = v.asText();
        try {
            return ByteString.copyFrom(Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            try {
                return ByteString.copyFrom(Base64.getUrlDecoder().decode(s));
            } catch (IllegalArgumentException e2) {
                throw new Bad(path + fd.getJsonName() + ": not base64: " + v);
            }
        }
    }

    /**
     * A name, or a number (a number this side does not know is kept as such); null, leaving the field unset, for
     * anything else: a newer EA's name, or a value no enum could mean.
     */
    private static EnumValueDescriptor enumValue(EnumDescriptor type, JsonNode v) {
        EnumValueDescriptor byName = type.findValueByName(v.asText());
        if (byName != null) {
            return byName;
        }
        int number;
        try {
            number = v.isInt() ? v.intValue() : exact(v).intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
        return type.isClosed() ? type.findValueByNumber(number) : type.findValueByNumberCreatingIfUnknown(number);
    }
}
