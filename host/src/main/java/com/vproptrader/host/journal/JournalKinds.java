package com.vproptrader.host.journal;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Note;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The journal's typed records ({@code journal.proto}): a row's kind column is its {@link JournalKind} without
 * {@code KIND_}, lower case, and its payload the {@link JournalRecord} as compact JSON (map keys sorted, so a
 * record has one text). A kind's number is the number of the body field it carries.
 */
public final class JournalKinds {
    private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace().sortingMapKeys();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();
    private static final String PREFIX = "KIND_";

    /** Records of what the loop decided: a replay of the same inputs must reproduce them byte for byte. */
    public static final Set<JournalKind> DECISIONS = EnumSet.of(JournalKind.KIND_CANDIDATE, JournalKind.KIND_VETO,
            JournalKind.KIND_EVIDENCE, JournalKind.KIND_SIZING, JournalKind.KIND_SIGNAL, JournalKind.KIND_ENTRY,
            JournalKind.KIND_CLOSE, JournalKind.KIND_EXPIRED, JournalKind.KIND_PAUSE, JournalKind.KIND_RESUME,
            JournalKind.KIND_WEIGHTS, JournalKind.KIND_DAY_RESET, JournalKind.KIND_SHADOW);

    private JournalKinds() {
    }

    /** The kind column's text of a kind: {@code KIND_BAD_TICK} is "bad_tick". */
    public static String name(JournalKind kind) {
        if (kind == JournalKind.KIND_UNSPECIFIED || kind == JournalKind.UNRECOGNIZED) {
            throw new IllegalArgumentException("a journal record needs a kind, not " + kind);
        }
        return NAMES.get(kind);
    }

    /** Every row asks for its kind's name: made once per kind. */
    private static final Map<JournalKind, String> NAMES = new EnumMap<>(JournalKind.class);

    static {
        for (JournalKind kind : JournalKind.values()) {
            if (kind != JournalKind.KIND_UNSPECIFIED && kind != JournalKind.UNRECOGNIZED) {
                NAMES.put(kind, kind.name().substring(PREFIX.length()).toLowerCase(Locale.ROOT));
            }
        }
    }

    public static String name(JournalRecord record) {
        return name(kindOf(record));
    }

    /** The kind of a record: the case of its body. */
    public static JournalKind kindOf(JournalRecord record) {
        JournalKind kind = JournalKind.forNumber(record.getBodyCase().getNumber());
        if (kind == null || kind == JournalKind.KIND_UNSPECIFIED) {
            throw new IllegalArgumentException("a journal record needs a body; this one has none");
        }
        return kind;
    }

    /** The kind a row's kind column names; a clear error for a kind this reader does not know. */
    public static JournalKind parseKind(String column) {
        try {
            JournalKind kind = JournalKind.valueOf(PREFIX + column.toUpperCase(Locale.ROOT));
            if (kind != JournalKind.KIND_UNSPECIFIED) {
                return kind;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw new IllegalArgumentException("unknown journal kind '" + column + "'; known kinds: " + known());
    }

    /** A record whose body, the field of {@code kind}, is a {@link Note} with {@code text}. */
    public static JournalRecord note(JournalKind kind, String text) {
        FieldDescriptor field = JournalRecord.getDescriptor().findFieldByNumber(kind.getNumber());
        if (field == null || field.getMessageType() != Note.getDescriptor()) {
            throw new IllegalArgumentException("journal kind " + kind + " does not carry a note");
        }
        return JournalRecord.newBuilder().setField(field, Note.newBuilder().setText(text).build()).build();
    }

    /** The payload text of a record. */
    public static String json(JournalRecord record) {
        String common = CommonRecordJson.json(record);
        if (common != null) {
            return common;
        }
        String plain = PlainMessageJson.json(record);
        if (plain != null) {
            return plain;
        }
        try {
            return JSON.print(record);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The typed record of a row: the kind column must name a known kind and the payload must be a
     * {@link JournalRecord} whose body is that kind; anything else is an error naming the row.
     */
    public static JournalRecord read(JournalEntry row) {
        JournalKind kind;
        try {
            kind = parseKind(row.kind());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("journal row " + row.seq() + ": " + e.getMessage(), e);
        }
        JournalRecord.Builder b = JournalRecord.newBuilder();
        try {
            PARSER.merge(row.payload(), b);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new IllegalArgumentException("journal row " + row.seq() + " (" + row.kind()
                    + "): payload is not a journal record: " + e.getMessage(), e);
        }
        JournalRecord record = b.build();
        if (record.getBodyCase().getNumber() != kind.getNumber()) {
            throw new IllegalArgumentException("journal row " + row.seq() + ": kind '" + row.kind()
                    + "' but its payload carries " + record.getBodyCase());
        }
        return record;
    }

    /** The text of a record whose body is a {@link Note} (refusals, notes, reasons); "" for other kinds. */
    public static String text(JournalRecord record) {
        FieldDescriptor field = JournalRecord.getDescriptor().findFieldByNumber(record.getBodyCase().getNumber());
        return field != null && field.getMessageType() == Note.getDescriptor()
                ? ((Note) record.getField(field)).getText() : "";
    }

    private static String known() {
        return Arrays.stream(JournalKind.values())
                .filter(k -> k != JournalKind.KIND_UNSPECIFIED && k != JournalKind.UNRECOGNIZED)
                .map(JournalKinds::name).collect(Collectors.joining(", "));
    }
}
