package com.vproptrader.host.govern.pack;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Strict typed reads from one flat JSON object. Every read marks the field as known so that
 * {@link #refuseUnknown()} can reject typos: a misspelt limit silently ignored is a limit not enforced.
 */
final class PackFields {
    private final String where;
    private final JsonNode node;
    private final Set<String> read = new HashSet<>();

    PackFields(String where, JsonNode node) {
        this.where = where;
        if (node == null || !node.isObject()) {
            throw new RulePackException(where + ": must be a JSON object");
        }
        this.node = node;
    }

    /** The fields of a flat object inside this one, e.g. {@code sessions[0]}. */
    PackFields child(String label, JsonNode child) {
        return new PackFields(where + ", " + label, child);
    }

    RulePackException error(String field, String problem) {
        return new RulePackException(where + ": field '" + field + "' " + problem);
    }

    private JsonNode required(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw error(field, "is missing");
        }
        return value;
    }

    /** True when {@code field} is present (for the few optional fields). */
    boolean has(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    String text(String field) {
        JsonNode v = required(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw error(field, "must be a non-empty string, got " + v);
        }
        return v.asText();
    }

    boolean bool(String field) {
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw error(field, "must be true or false, got " + v);
        }
        return v.booleanValue();
    }

    /** A decimal read from the JSON text itself (never through double), within [min, max]. */
    BigDecimal decimal(String field, BigDecimal min, BigDecimal max) {
        JsonNode v = required(field);
        if (!v.isNumber()) {
            throw error(field, "must be a number, got " + v);
        }
        BigDecimal d = v.decimalValue();
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw error(field, "must be between " + min.toPlainString() + " and " + max.toPlainString()
                    + ", got " + d.toPlainString());
        }
        return d;
    }

    int integer(String field, int min, int max) {
        JsonNode v = required(field);
        if (!v.isIntegralNumber()) {
            throw error(field, "must be a whole number, got " + v);
        }
        long n = v.longValue();
        if (n < min || n > max) {
            throw error(field, "must be between " + min + " and " + max + ", got " + n);
        }
        return (int) n;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String s = text(field);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw error(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + s + "'");
        }
    }

    LocalTime time(String field) {
        String s = text(field);
        try {
            if (!s.matches("\\d\\d:\\d\\d")) {
                throw new DateTimeParseException("HH:MM expected", s, 0);
            }
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            throw error(field, "must be a time HH:MM, got '" + s + "'");
        }
    }

    JsonNode array(String field) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw error(field, "must be an array, got " + v);
        }
        return v;
    }

    /** Refuses any field not in {@code known}, before reading anything. */
    void refuseUnknown(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(name, "is not a rule pack field (misspelt?)");
            }
        }
    }

    /** Refuses any field that no read asked for. */
    void refuseUnknown() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                throw error(name, "is not a rule pack field (misspelt?)");
            }
        }
    }
}
