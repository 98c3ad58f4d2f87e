package com.vproptrader.host.journal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.vproptrader.proto.Account;
import com.vproptrader.proto.InputRun;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.MarginMode;
import com.vproptrader.proto.Tick;

import java.util.List;

/**
 * The payload text of the records a replay journals most, a tick (one a tick), an account report and a run of
 * both, written field by field instead of through {@code JsonFormat}'s reflection. The text is exactly {@code JsonFormat}'s
 * (compact, proto field order, defaults omitted, int64 quoted, doubles as {@link Double#toString}), because every
 * row's hash covers it; {@code CommonRecordJsonTest} holds the two to each other. Anything else, a string that
 * would need escaping, or a schema that gained a field returns null and is rendered by {@code JsonFormat}.
 */
final class CommonRecordJson {
    /** True while the three messages have exactly the fields written here (a new field would go unwritten). */
    private static final boolean SCHEMA_KNOWN =
            fields(JournalRecord.getDescriptor(), List.of("loop_nanos", "fill_source"), 1)
                    && fields(Tick.getDescriptor(), List.of("symbol", "time_msc", "bid", "ask", "last", "volume", "flags"), 0)
                    && fields(Account.getDescriptor(), List.of("account_id", "currency", "balance", "equity", "margin",
                    "free_margin", "server_time_msc", "margin_mode", "leverage"), 0)
                    && InputRun.getDescriptor().getFields().stream().map(FieldDescriptor::getName).toList()
                    .equals(List.of("records"));

    private CommonRecordJson() {
    }

    /** The record's JSON, or null when this class does not write records like it. */
    static String json(JournalRecord r) {
        StringBuilder b = new StringBuilder(r.hasInputRun() ? 160 * r.getInputRun().getRecordsCount() + 32 : 256);
        return write(b, r) ? b.toString() : null;
    }

    /** Appends the record's JSON to {@code b}; false (with {@code b} left unfinished) when it does not write it. */
    private static boolean write(StringBuilder b, JournalRecord r) {
        if (!SCHEMA_KNOWN || r.getFillSourceValue() != 0) {   // fill_source belongs to fill rows only
            return false;
        }
        return switch (r.getBodyCase()) {
            case TICK -> tick(b, r);
            case ACCOUNT -> account(b, r);
            case INPUT_RUN -> run(b, r);
            default -> false;
        };
    }

    /** A replay's run of ticks and account reports: each record as above, in a JSON array, into one builder. */
    private static boolean run(StringBuilder b, JournalRecord r) {
        if (r.getLoopNanos() != 0 || r.getInputRun().getRecordsCount() == 0) {
            return false;
        }
        b.append("{\"inputRun\":{\"records\":[");
        for (JournalRecord record : r.getInputRun().getRecordsList()) {
            if (record.hasInputRun() || !write(b, record)) {
                return false;
            }
            b.append(',');
        }
        b.setLength(b.length() - 1);
        b.append("]}}");
        return true;
    }

    private static boolean tick(StringBuilder b, JournalRecord r) {
        Tick t = r.getTick();
        if (!plain(t.getSymbol())) {
            return false;
        }
        open(b, r).append("\"tick\":{");
        int start = b.length();
        string(b, start, "symbol", t.getSymbol());
        int64(b, start, "timeMsc", t.getTimeMsc());
        dbl(b, start, "bid", t.getBid());
        dbl(b, start, "ask", t.getAsk());
        dbl(b, start, "last", t.getLast());
        dbl(b, start, "volume", t.getVolume());
        if (t.getFlags() != 0) {
            name(b, start, "flags").append(Integer.toUnsignedString(t.getFlags()));
        }
        b.append("}}");
        return true;
    }

    private static boolean account(StringBuilder b, JournalRecord r) {
        Account a = r.getAccount();
        if (!plain(a.getAccountId()) || !plain(a.getCurrency()) || a.getMarginMode() == MarginMode.UNRECOGNIZED) {
            return false;
        }
        open(b, r).append("\"account\":{");
        int start = b.length();
        string(b, start, "accountId", a.getAccountId());
        string(b, start, "currency", a.getCurrency());
        dbl(b, start, "balance", a.getBalance());
        dbl(b, start, "equity", a.getEquity());
        dbl(b, start, "margin", a.getMargin());
        dbl(b, start, "freeMargin", a.getFreeMargin());
        int64(b, start, "serverTimeMsc", a.getServerTimeMsc());
        if (a.getMarginModeValue() != 0) {
            name(b, start, "marginMode").append('"').append(a.getMarginMode().name()).append('"');
        }
        dbl(b, start, "leverage", a.getLeverage());
        b.append("}}");
        return true;
    }

    private static StringBuilder open(StringBuilder b, JournalRecord r) {
        b.append('{');
        if (r.getLoopNanos() != 0) {
            b.append("\"loopNanos\":\"").append(r.getLoopNanos()).append("\",");
        }
        return b;
    }

    /** Writes the field's name, after a comma unless it is the first field since {@code start}. */
    private static StringBuilder name(StringBuilder b, int start, String name) {
        if (b.length() > start) {
            b.append(',');
        }
        return b.append('"').append(name).append("\":");
    }

    private static void string(StringBuilder b, int start, String name, String value) {
        if (!value.isEmpty()) {
            name(b, start, name).append('"').append(value).append('"');
        }
    }

    private static void int64(StringBuilder b, int start, String name, long value) {
        if (value != 0) {
            name(b, start, name).append('"').append(value).append('"');
        }
    }

    /** A proto3 double is present unless its bits are zero (so -0.0 is written); NaN and infinities as strings. */
    private static void dbl(StringBuilder b, int start, String name, double value) {
        if (Double.doubleToRawLongBits(value) == 0) {
            return;
        }
        name(b, start, name);
        if (Double.isNaN(value)) {
            b.append("\"NaN\"");
        } else if (Double.isInfinite(value)) {
            b.append(value < 0 ? "\"-Infinity\"" : "\"Infinity\"");
        } else {
            b.append(decimal(value));
        }
    }

    /**
     * {@link Double#toString} of {@code value}, from a small direct-mapped table: quotes and balances recur from row
     * to row, and printing a double is most of a row's text. An entry is immutable, so a thread reads a whole
     * entry or an older one, and a miss costs only the printing.
     */
    static String decimal(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int slot = (int) ((bits ^ (bits >>> 29)) * 0x9E3779B97F4A7C15L >>> (64 - TABLE_BITS));
        Printed p = PRINTED[slot];
        if (p != null && p.bits == bits) {
            return p.text;
        }
        String text = Double.toString(value);
        PRINTED[slot] = new Printed(bits, text);
        return text;
    }

    private static final int TABLE_BITS = 12;
    private static final Printed[] PRINTED = new Printed[1 << TABLE_BITS];

    private record Printed(long bits, String text) {
    }

    /** Printable ASCII that JSON and JsonFormat's HTML-safe escaping both leave as it is. */
    static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '='
                    || c == '\'') {
                return false;
            }
        }
        return true;
    }

    /** The message's fields outside a oneof are exactly {@code names}, none repeated, and it has {@code oneofs} oneofs. */
    private static boolean fields(Descriptor d, List<String> names, int oneofs) {
        List<FieldDescriptor> plainFields = d.getFields().stream().filter(f -> f.getRealContainingOneof() == null).toList();
        return plainFields.stream().map(FieldDescriptor::getName).toList().equals(names)
                && plainFields.stream().noneMatch(FieldDescriptor::isRepeated)
                && d.getRealOneofs().size() == oneofs;
    }
}
