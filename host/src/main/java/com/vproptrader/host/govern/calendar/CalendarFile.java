package com.vproptrader.host.govern.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Restricted news events and market breaks from a JSON file, until a live calendar feed exists:
 * <pre>{@code
 * {"news":   [{"time": "2024-01-02T13:30:00Z", "currency": "USD", "impact": "HIGH", "symbols": []}],
 *  "breaks": [{"symbol": "*", "start": "2024-12-24T22:00:00Z", "end": "2024-12-26T23:00:00Z"}]}
 * }</pre>
 * Times are UTC instants (ISO-8601). A malformed file is refused at start with the entry that is wrong.
 */
public final class CalendarFile implements MarketCalendar {
    private final List<NewsEvent> news;
    private final List<MarketBreak> breaks;

    private CalendarFile(List<NewsEvent> news, List<MarketBreak> breaks) {
        this.news = List.copyOf(news);
        this.breaks = List.copyOf(breaks);
    }

    public static CalendarFile load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("calendar " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static CalendarFile parse(String json, String where) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            List<NewsEvent> news = new ArrayList<>();
            for (JsonNode n : root.path("news")) {
                List<String> symbols = new ArrayList<>();
                n.path("symbols").forEach(s -> symbols.add(s.asText()));
                news.add(new NewsEvent(Instant.parse(required(n, "time", where)), required(n, "currency", where),
                        Impact.valueOf(required(n, "impact", where)), symbols));
            }
            List<MarketBreak> breaks = new ArrayList<>();
            for (JsonNode b : root.path("breaks")) {
                breaks.add(new MarketBreak(required(b, "symbol", where), Instant.parse(required(b, "start", where)),
                        Instant.parse(required(b, "end", where))));
            }
            return new CalendarFile(news, breaks);
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("calendar " + where + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode entry, String field, String where) {
        JsonNode v = entry.get(field);
        if (v == null || v.asText().isEmpty()) {
            throw new IllegalArgumentException("calendar " + where + ": entry " + entry + " has no " + field);
        }
        return v.asText();
    }

    @Override
    public List<NewsEvent> news(Instant from, Instant to) {
        return news.stream().filter(e -> !e.time().isBefore(from) && !e.time().isAfter(to)).toList();
    }

    @Override
    public List<MarketBreak> breaks(Instant from, Instant to) {
        return breaks.stream().filter(b -> b.start().isBefore(to) && b.end().isAfter(from)).toList();
    }
}
