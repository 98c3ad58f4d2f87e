package com.vproptrader.host.macro.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vproptrader.host.govern.calendar.Impact;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ForexFactory's weekly calendar export in its JSON form ({@code ff_calendar_thisweek.json}, also
 * {@code nextweek}): an array of {@code {"title", "country", "date", "impact", "forecast", "previous"}} where
 * {@code country} is the currency code (or "All"), {@code date} an ISO-8601 local time with its UTC offset and
 * {@code impact} one of High, Medium, Low, Holiday, Non-Economic. Holidays and non-economic entries are not
 * releases and are skipped; an entry that cannot be read is set aside with its reason, the rest is kept. A
 * document that is not a JSON array is refused whole (the previous calendar stays in force).
 */
public final class ForexFactoryWeek {
    /** FF's "country" for events that concern every currency. */
    public static final String ALL = "All";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The events read, and the entries set aside with their reasons. */
    public record Parsed(List<CalendarEvent> events, List<String> rejected, int skipped) {
    }

    private ForexFactoryWeek() {
    }

    public static Parsed parse(String json, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("calendar " + where + ": not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("calendar " + where + ": expected a JSON array of events");
        }
        List<CalendarEvent> events = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        int skipped = 0;
        int index = 0;
        for (JsonNode entry : root) {
            String impact = entry.path("impact").asText("");
            if (impact.equalsIgnoreCase("Holiday") || impact.equalsIgnoreCase("Non-Economic")) {
                skipped++;
            } else {
                try {
                    events.add(event(entry, impact));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    rejected.add(where + " entry " + index + " " + entry + ": " + e.getMessage());
                }
            }
            index++;
        }
        return new Parsed(events, rejected, skipped);
    }

    private static CalendarEvent event(JsonNode entry, String impact) {
        String currency = entry.path("country").asText("");
        if (!currency.matches("[A-Z]{3}") && !currency.equals(ALL)) {
            throw new IllegalArgumentException("country '" + currency + "' is not a currency code");
        }
        String title = entry.path("title").asText("");
        return new CalendarEvent(title.isBlank() ? "(untitled)" : title, currency,
                OffsetDateTime.parse(entry.path("date").asText("")), impact(impact));
    }

    private static Impact impact(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "high" -> Impact.HIGH;
            case "medium" -> Impact.MEDIUM;
            case "low" -> Impact.LOW;
            default -> throw new IllegalArgumentException("impact '" + text + "' is not High, Medium or Low");
        };
    }
}
