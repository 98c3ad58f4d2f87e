package com.vproptrader.host.journal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code JsonFormat}'s compact text with sorted map keys of a message made only of plain fields (strings, doubles,
 * integers, booleans, enums, messages, lists of those and maps from string keys to those), written in one pass
 * over the set fields, without the per-message field map, the key sorting by UTF-8 bytes and the string escaper
 * {@code JsonFormat} builds. The rules are {@code JsonFormat}'s: fields by number, a field without presence only
 * when it differs from its default (a double by its bits, so -0.0 is written), int64 and uint64 quoted, NaN and
 * infinities quoted, doubles as {@link Double#toString}, enums by name, a map as an object with its keys quoted and
 * sorted and every entry written. A message holding bytes, a float, a well-known type or a proto2 message, a map
 * with keys other than strings, an enum number this build does not know, or a string or map key that would need
 * escaping gives null, and the caller uses {@code JsonFormat}. {@code PlainMessageJsonTest} holds the two to each
 * other on every journal kind.
 */
final class PlainMessageJson {
    /** How each message type is written, worked out once per type: asking the descriptors per row costs more. */
    private static final Map<Descriptor, Shape> SHAPES = new ConcurrentHashMap<>();
    private static final Shape NOT_PLAIN = new Shape(new Field[0], new OneofDescriptor[0]);
    private static final FieldDescriptor[] NO_ONEOFS = new FieldDescriptor[0];
    private static final Comparator<Entry> BY_KEY = Comparator.comparing(Entry::key);

    /** What a field's value is written as; the protobuf types that print alike share one. */
    private enum Kind { DOUBLE, INT32, UINT32, INT64, UINT64, BOOL, STRING, ENUM, MESSAGE, MAP, LEFT_TO_JSON_FORMAT }

    /** How a field is known to be set, with as few reflective reads of the message as that allows. */
    private enum Presence {
        /** A list or a map: written when not empty. */
        REPEATED,
        /** A scalar without presence: written when it is not its default. */
        IMPLICIT,
        /** A member of a oneof: written when it is the oneof's case, read once for all its members. */
        ONEOF,
        /** A message field or a proto3 {@code optional}: written when {@code hasField} says so. */
        EXPLICIT
    }

    /** Fields in number order, and the message's real oneofs (a field's {@code oneof} indexes them). */
    private record Shape(Field[] fields, OneofDescriptor[] oneofs) {
    }

    /** A map's {@code value} is the kind of its entries' values, its key descriptors the entries' key and value. */
    private record Field(FieldDescriptor descriptor, String name, Kind kind, Presence presence, int oneof,
                         FieldDescriptor key, FieldDescriptor value, Kind valueKind) {
    }

    private record Entry(String key, Object value) {
    }

    private PlainMessageJson() {
    }

    /** The message's JSON, or null when it holds something this writer leaves to {@code JsonFormat}. */
    static String json(Message m) {
        StringBuilder b = new StringBuilder(256);
        return message(b, m) ? b.toString() : null;
    }

    private static boolean message(StringBuilder b, Message m) {
        Shape shape = SHAPES.computeIfAbsent(m.getDescriptorForType(), PlainMessageJson::shape);
        if (shape == NOT_PLAIN) {
            return false;
        }
        FieldDescriptor[] cases = shape.oneofs.length == 0 ? NO_ONEOFS : new FieldDescriptor[shape.oneofs.length];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = m.getOneofFieldDescriptor(shape.oneofs[i]);
        }
        b.append('{');
        int start = b.length();
        for (Field f : shape.fields) {
            Object v;
            switch (f.presence) {
                case ONEOF -> {
                    if (cases[f.oneof] != f.descriptor) {
                        continue;
                    }
                    v = m.getField(f.descriptor);
                }
                case EXPLICIT -> {
                    if (!m.hasField(f.descriptor)) {
                        continue;
                    }
                    v = m.getField(f.descriptor);
                }
                case IMPLICIT -> {
                    v = m.getField(f.descriptor);
                    if (isDefault(f.kind, v)) {
                        continue;
                    }
                }
                default -> { // REPEATED
                    v = m.getField(f.descriptor);
                    if (((List<?>) v).isEmpty()) {
                        continue;
                    }
                }
            }
            if (b.length() > start) {
                b.append(',');
            }
            b.append(f.name);
            boolean written = f.kind == Kind.MAP ? map(b, f, (List<?>) v)
                    : f.presence == Presence.REPEATED ? list(b, f.kind, (List<?>) v)
                    : value(b, f.kind, v);
            if (!written) {
                return false;
            }
        }
        b.append('}');
        return true;
    }

    private static boolean isDefault(Kind kind, Object v) {
        return switch (kind) {
            case DOUBLE -> Double.doubleToRawLongBits((Double) v) == 0;
            case INT32, UINT32 -> (Integer) v == 0;
            case INT64, UINT64 -> (Long) v == 0;
            case BOOL -> !(Boolean) v;
            case STRING -> ((String) v).isEmpty();
            case ENUM -> ((EnumValueDescriptor) v).getNumber() == 0;
            default -> throw new IllegalStateException(kind + " fields are read with hasField");
        };
    }

    private static boolean list(StringBuilder b, Kind kind, List<?> list) {
        b.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            if (!value(b, kind, list.get(i))) {
                return false;
            }
        }
        b.append(']');
        return true;
    }

    /**
     * Every entry, keys quoted and in {@code sortingMapKeys}' order: it compares UTF-8 bytes, which for the printable
     * ASCII keys written here is {@link String#compareTo}'s order. A repeated key (possible in a dynamic message,
     * where {@code JsonFormat} keeps the last) is left to it.
     */
    private static boolean map(StringBuilder b, Field f, List<?> entries) {
        Entry[] sorted = new Entry[entries.size()];
        for (int i = 0; i < sorted.length; i++) {
            Message entry = (Message) entries.get(i);
            String key = (String) entry.getField(f.key);
            if (!CommonRecordJson.plain(key)) {
                return false;
            }
            sorted[i] = new Entry(key, entry.getField(f.value));
        }
        Arrays.sort(sorted, BY_KEY);
        b.append('{');
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0) {
                if (sorted[i].key.equals(sorted[i - 1].key)) {
                    return false;
                }
                b.append(',');
            }
            b.append('"').append(sorted[i].key).append("\":");
            if (!value(b, f.valueKind, sorted[i].value)) {
                return false;
            }
        }
        b.append('}');
        return true;
    }

    private static boolean value(StringBuilder b, Kind kind, Object v) {
        switch (kind) {
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
            case INT32 -> b.append((int) (Integer) v);
            case UINT32 -> b.append(Integer.toUnsignedString((Integer) v));
            case INT64 -> b.append('"').append((long) (Long) v).append('"');
            case UINT64 -> b.append('"').append(Long.toUnsignedString((Long) v)).append('"');
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
                return message(b, (Message) v);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A proto3 message of ours: not a well-known type (JsonFormat prints those its own way), not a map entry. */
    private static Shape shape(Descriptor d) {
        if (d.getFile().getPackage().equals("google.protobuf") || d.getOptions().getMapEntry()
                || !"proto3".equals(d.getFile().toProto().getSyntax())) {
            return NOT_PLAIN;
        }
        List<OneofDescriptor> oneofs = d.getRealOneofs();
        Field[] fields = d.getFields().stream().sorted(Comparator.comparingInt(FieldDescriptor::getNumber))
                .map(f -> field(f, oneofs)).toArray(Field[]::new);
        return new Shape(fields, oneofs.toArray(new OneofDescriptor[0]));
    }

    private static Field field(FieldDescriptor f, List<OneofDescriptor> oneofs) {
        String name = "\"" + f.getJsonName() + "\":";
        Kind kind = kind(f);
        if (kind == Kind.MAP) {
            FieldDescriptor key = f.getMessageType().findFieldByName("key");
            FieldDescriptor value = f.getMessageType().findFieldByName("value");
            Kind keyed = key.getType() == FieldDescriptor.Type.STRING ? Kind.MAP : Kind.LEFT_TO_JSON_FORMAT;
            return new Field(f, name, keyed, Presence.REPEATED, -1, key, value, kind(value));
        }
        Presence presence = f.isRepeated() ? Presence.REPEATED
                : f.getRealContainingOneof() != null ? Presence.ONEOF
                : f.hasPresence() || kind == Kind.LEFT_TO_JSON_FORMAT ? Presence.EXPLICIT
                : Presence.IMPLICIT;
        return new Field(f, name, kind, presence, oneofs.indexOf(f.getRealContainingOneof()), null, null, null);
    }

    private static Kind kind(FieldDescriptor f) {
        if (f.isMapField()) {
            return Kind.MAP;
        }
        return switch (f.getType()) {
            case DOUBLE -> Kind.DOUBLE;
            case INT32, SINT32, SFIXED32 -> Kind.INT32;
            case UINT32, FIXED32 -> Kind.UINT32;
            case INT64, SINT64, SFIXED64 -> Kind.INT64;
            case UINT64, FIXED64 -> Kind.UINT64;
            case BOOL -> Kind.BOOL;
            case STRING -> Kind.STRING;
            // JsonFormat writes google.protobuf.NullValue as null, not by name
            case ENUM -> f.getEnumType().getFullName().equals("google.protobuf.NullValue")
                    ? Kind.LEFT_TO_JSON_FORMAT : Kind.ENUM;
            case MESSAGE -> Kind.MESSAGE;
            default -> Kind.LEFT_TO_JSON_FORMAT; // bytes, floats, groups
        };
    }
}
