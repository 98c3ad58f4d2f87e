package com.vproptrader.gateway.frame;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a message's fields straight to a JSON generator by the proto3 JSON mapping as the frames use it
 * (mt5-ea/PROTOCOL.md), in one pass:
 * <ul>
 * <li>fields in field-number order under their JSON names; every field without presence is written, zero values
 *     and empty arrays too (the MQL5 side then never has to guess a default); a message field or a proto3
 *     {@code optional} field only when set;</li>
 * <li>64-bit integers as plain JSON numbers (our timestamps and tickets fit 2^53; proto3 JSON would quote them);
 *     doubles in plain decimal notation ({@link WireNumbers#plain}); a non-finite double as the string
 *     {@code "NaN"}/{@code "Infinity"}/{@code "-Infinity"};</li>
 * <li>enums by name (a number this side cannot name as the number), bytes as base64.</li>
 * </ul>
 */
final class ProtoToJson {
    private static final Map<Descriptor, List<FieldDescriptor>> BY_NUMBER = new ConcurrentHashMap<>();

    private ProtoToJson() {
    }

    /** The message's fields, into the JSON object the caller has opened. */
    static void fields(Message m, JsonGenerator g) throws IOException {
        List<FieldDescriptor> byNumber = BY_NUMBER.computeIfAbsent(m.getDescriptorForType(), t -> t.getFields()
                .stream().sorted(Comparator.comparingInt(FieldDescriptor::getNumber)).toList());
        for (FieldDescriptor fd : byNumber) {
            if (fd.hasPresence() && !m.hasField(fd)) {
                continue;
            }
            g.writeFieldName(fd.getJsonName());
            if (fd.isRepeated()) {
                g.writeStartArray();
                for (Object element : (List<?>) m.getField(fd)) {
                    value(fd, element, g);
                }
                g.writeEndArray();
            } else {
                value(fd, m.getField(fd), g);
            }
        }
    }

    private static void value(FieldDescriptor fd, Object v, JsonGenerator g) throws IOException {
        switch (fd.getType()) {
            case INT32, SINT32, SFIXED32, INT64, SINT64, SFIXED64 -> g.writeNumber(((Number) v).longValue());
            case UINT32, FIXED32 -> g.writeNumber(Integer.toUnsignedLong((Integer) v));
            case UINT64, FIXED64 -> g.writeNumber(Long.toUnsignedString((Long) v));
            case DOUBLE -> decimal((Double) v, g);
            case FLOAT -> decimal(Double.parseDouble(Float.toString((Float) v)), g);
            case BOOL -> g.writeBoolean((Boolean) v);
            case STRING -> g.writeString((String) v);
            case BYTES -> g.writeString(Base64.getEncoder().encodeToString(((ByteString) v).toByteArray()));
            case ENUM -> {
                EnumValueDescriptor e = (EnumValueDescriptor) v;
                if (e.getIndex() >= 0) {
                    g.writeString(e.getName());
                } else {
                    g.writeNumber(e.getNumber());
                }
            }
            case MESSAGE, GROUP -> {
                g.writeStartObject();
                fields((Message) v, g);
                g.writeEndObject();
            }
        }
    }

    private static void decimal(double d, JsonGenerator g) throws IOException {
        if (Double.isFinite(d)) {
            g.writeNumber(WireNumbers.plain(d));
        } else {
            g.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        }
    }
}
