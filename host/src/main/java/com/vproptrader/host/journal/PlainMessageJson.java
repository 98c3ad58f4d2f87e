package com.vproptrader.host.journal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code JsonFormat}'s compact text of a message made only of plain fields (strings, doubles, integers, booleans,
 * enums, and messages and lists of those), written in one pass over the set fields, without the per-message field
 * map and the string escaper {@code JsonFormat} builds. The rules are {@code JsonFormat}'s: fields by number, a field
 * without presence only when it differs from its default (a double by its bits, so -0.0 is written), int64 and
 * uint64 quoted, NaN and infinities quoted, doubles as {@link Double#toString}, enums by name. A message holding a
 * map, bytes, a float, a well-known type or a proto2 message, an enum number this build does not know, or a string
 * that would need escaping gives null, and the caller uses {@code JsonFormat}. {@code PlainMessageJsonTest} holds
 * the two to each other on every journal kind.
 */
final class PlainMessageJson {
    /** Whether a message type is one this writer prints (its fields are judged as they come); once per type. */
    private static final Map<Descriptor, Boolean> PLAIN = new ConcurrentHashMap<>();
    private static final Map<Descriptor, List<FieldDescriptor>> BY_NUMBER = new ConcurrentHashMap<>();

    private PlainMessageJson() {
    }

    /** The message's JSON, or null when it holds something this writer leaves to {@code JsonFormat}. */
    static String json(Message m) {
        StringBuilder b = new StringBuilder(256);
        return message(b, m) ? b.toString() : null;
    }

    private static boolean message(StringBuilder b, Message m) {
        if (!plain(m.getDescriptorForType())) {
            return false;
        }
        b.append('{');
        boolean first = true;
        for (FieldDescriptor f : BY_NUMBER.computeIfAbsent(m.getDescriptorForType(), PlainMessageJson::byNumber)) {
            if (!present(m, f)) {
                continue;
            }
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append('"').append(f.getJsonName()).append("\":");
            Object value = m.getField(f);
            if (f.isRepeated()) {
                b.append('[');
                List<?> list = (List<?>) value;
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    if (!value(b, f, list.get(i))) {
                        return false;
                    }
                }
                b.append(']');
            } else if (!value(b, f, value)) {
                return false;
            }
        }
        b.append('}');
        return true;
    }

    /** Set as {@code JsonFormat} sees it: a list when not empty, a field with presence when set, else not default. */
    private static boolean present(Message m, FieldDescriptor f) {
        if (f.isRepeated()) {
            return m.getRepeatedFieldCount(f) > 0;
        }
        if (f.hasPresence()) {
            return m.hasField(f);
        }
        Object v = m.getField(f);
        return switch (f.getJavaType()) {
            case DOUBLE -> Double.doubleToRawLongBits((Double) v) != 0;
            case INT -> (Integer) v != 0;
            case LONG -> (Long) v != 0;
            case BOOLEAN -> (Boolean) v;
            case STRING -> !((String) v).isEmpty();
            case ENUM -> ((EnumValueDescriptor) v).getNumber() != 0;
            default -> m.hasField(f);
        };
    }

    private static boolean value(StringBuilder b, FieldDescriptor f, Object v) {
        switch (f.getType()) {
            case DOUBLE -> {
                double d = (Double) v;
                if (Double.isNaN(d)) {
                    b.append("\"NaN\"");
                } else if (Double.isInfinite(d)) {
                    b.append(d < 0 ? "\"-Infinity\"" : "\"Infinity\"");
                } else {
                    b.append(CommonRecordJson.decimal(d));
                }
            }
            case INT32, SINT32, SFIXED32 -> b.append((int) (Integer) v);
            case UINT32, FIXED32 -> b.append(Integer.toUnsignedString((Integer) v));
            case INT64, SINT64, SFIXED64 -> b.append('"').append((long) (Long) v).append('"');
            case UINT64, FIXED64 -> b.append('"').append(Long.toUnsignedString((Long) v)).append('"');
            case BOOL -> b.append((boolean) (Boolean) v);
            case STRING -> {
                String s = (String) v;
                if (!CommonRecordJson.plain(s)) {
                    return false;
                }
                b.append('"').append(s).append('"');
            }
            case ENUM -> {
                EnumValueDescriptor e = (EnumValueDescriptor) v;
                if (e.getIndex() < 0 || e.getType().findValueByNumber(e.getNumber()) != e) {
                    return false; // an unknown number, or an alias: left to JsonFormat
                }
                b.append('"').append(e.getName()).append('"');
            }
            case MESSAGE -> {
                return !f.isMapField() && message(b, (Message) v);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A proto3 message of ours: not a well-known type (JsonFormat prints those its own way), not a map entry. */
    private static boolean plain(Descriptor d) {
        return PLAIN.computeIfAbsent(d, t -> !t.getFile().getPackage().equals("google.protobuf")
                && !t.getOptions().getMapEntry() && "proto3".equals(t.getFile().toProto().getSyntax()));
    }

    private static List<FieldDescriptor> byNumber(Descriptor d) {
        return d.getFields().stream().sorted(Comparator.comparingInt(FieldDescriptor::getNumber)).toList();
    }
}
