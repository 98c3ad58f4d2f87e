package com.vproptrader.host.macro.fred;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * FRED's {@code fred/series/observations} endpoint, JSON output, with every vintage from {@code since} on: the
 * request asks for the real-time period {@code since}..9999-12-31, so each row carries the date it was first
 * published ({@code realtime_start}) and revisions come as extra rows. Pages through {@code count} with
 * {@code offset}. Retries rate limiting (429, honouring {@code Retry-After}), server errors (5xx) and I/O
 * failures with backoff ({@link RetryPolicy}); FRED's own errors (400 bad key or series, 404) fail at once with
 * its {@code error_message}. Thread-safe.
 */
public final class FredClient {
    /** FRED's largest page. */
    static final int PAGE = 100_000;

    private final URI base;
    private final String apiKey;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final Pause pause;
    private final ObjectMapper json = new ObjectMapper();
    private long lastRequestNanos = Long.MIN_VALUE;

    /** @param base the API root, {@code https://api.stlouisfed.org} in production */
    public FredClient(URI base, String apiKey, RetryPolicy retry, Pause pause) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("FRED needs an api key (macro config fred.apiKey)");
        }
        this.base = base;
        this.apiKey = apiKey;
        this.retry = retry;
        this.pause = pause;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Every observation dated {@code since} or later, in every vintage published since {@code since}. */
    public List<FredObservation> observations(String seriesId, LocalDate since) throws FredException, InterruptedException {
        List<FredObservation> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            JsonNode page = get(seriesId, since, offset);
            JsonNode rows = page.path("observations");
            if (!rows.isArray()) {
                throw new FredException(200, "FRED " + seriesId + ": answer has no observations array");
            }
            for (JsonNode row : rows) {
                all.add(parse(seriesId, row));
            }
            offset += rows.size();
            if (rows.isEmpty() || offset >= page.path("count").asInt(0)) {
                return all;
            }
        }
    }

    /** The rows of one saved observations answer (a FRED download kept as a file), for offline use. */
    public static List<FredObservation> parseDocument(String seriesId, String json) throws FredException {
        JsonNode rows;
        try {
            rows = new ObjectMapper().readTree(json).path("observations");
        } catch (IOException e) {
            throw new FredException(0, "FRED " + seriesId + ": file is not JSON: " + e.getMessage());
        }
        if (!rows.isArray()) {
            throw new FredException(0, "FRED " + seriesId + ": file has no observations array");
        }
        List<FredObservation> out = new ArrayList<>();
        for (JsonNode row : rows) {
            out.add(parse(seriesId, row));
        }
        return out;
    }

    private JsonNode get(String seriesId, LocalDate since, int offset) throws FredException, InterruptedException {
        URI uri = base.resolve("/fred/series/observations?series_id=" + encode(seriesId) + "&api_key=" + encode(apiKey)
                + "&file_type=json&observation_start=" + since + "&realtime_start=" + since
                + "&realtime_end=9999-12-31&limit=" + PAGE + "&offset=" + offset);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        FredException last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Duration wait = retry.backoff(attempt);
            try {
                spaceRequests();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return readJson(seriesId, response.body());
                }
                last = new FredException(status, "FRED " + seriesId + ": HTTP " + status + " " + errorMessage(response.body()));
                if (status != 429 && status < 500) {
                    throw last; // FRED's own refusal: retrying cannot help
                }
                if (status == 429) {
                    Duration asked = retryAfter(response);
                    wait = asked.compareTo(wait) > 0 ? asked : wait;
                }
            } catch (IOException e) {
                last = new FredException("FRED " + seriesId + ": " + e, e);
            }
            if (attempt < retry.maxAttempts()) {
                pause.pause(wait);
            }
        }
        throw new FredException(last.status(), last.getMessage() + " (after " + retry.maxAttempts() + " attempts)");
    }

    private synchronized void spaceRequests() throws InterruptedException {
        long now = System.nanoTime();
        long gap = retry.minInterval().toNanos() - (now - lastRequestNanos);
        if (lastRequestNanos != Long.MIN_VALUE && gap > 0) {
            pause.pause(Duration.ofNanos(gap));
        }
        lastRequestNanos = System.nanoTime();
    }

    private JsonNode readJson(String seriesId, String body) throws FredException {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new FredException(200, "FRED " + seriesId + ": answer is not JSON: " + e.getMessage());
        }
    }

    private String errorMessage(String body) {
        try {
            JsonNode error = json.readTree(body);
            return error.path("error_message").asText(body);
        } catch (IOException e) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(s -> {
            try {
                return Duration.ofSeconds(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                return Duration.ZERO; // an HTTP-date: fall back to our own backoff
            }
        }).orElse(Duration.ZERO);
    }

    static FredObservation parse(String seriesId, JsonNode row) throws FredException {
        try {
            String value = row.path("value").asText();
            return new FredObservation(seriesId, LocalDate.parse(row.path("date").asText()),
                    LocalDate.parse(row.path("realtime_start").asText()), LocalDate.parse(row.path("realtime_end").asText()),
                    ".".equals(value) ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(value)));
        } catch (RuntimeException e) {
            throw new FredException(200, "FRED " + seriesId + ": malformed observation " + row + ": " + e.getMessage());
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
