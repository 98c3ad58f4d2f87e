package com.vproptrader.host.macro;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The macro config file (JSON; every field optional, defaults below; unknown fields refused). Relative paths are
 * resolved against the config file's folder. Durations are ISO-8601 ({@code PT1H}).
 *
 * @param store     SQLite file of FRED vintages and headlines ({@code macro.db})
 * @param fred      FRED series; offline unless {@code online} and an {@code apiKey} are given
 * @param calendar  ForexFactory weekly exports; none = the hand-written calendar file only
 * @param sentiment headline feeds and the scorer
 */
public record MacroConfig(String store, Fred fred, Calendar calendar, Sentiment sentiment) {

    /**
     * @param releaseLag how long after the start of a vintage's publication day (in releaseZone) it counts as known
     * @param files      series → a saved FRED observations answer (JSON), imported into the store at start
     */
    public record Fred(boolean online, String apiKey, String baseUrl, List<String> series, LocalDate since,
                       Duration refresh, String releaseZone, Duration releaseLag, Map<String, String> files) {
        public Fred {
            baseUrl = baseUrl == null ? "https://api.stlouisfed.org" : baseUrl;
            series = series == null ? List.of("DTWEXBGS", "VIXCLS", "DGS10") : List.copyOf(series);
            since = since == null ? LocalDate.of(2024, 1, 1) : since;
            refresh = refresh == null ? Duration.ofHours(1) : refresh;
            releaseZone = releaseZone == null ? "America/Chicago" : releaseZone;
            releaseLag = releaseLag == null ? Duration.ofDays(1) : releaseLag;
            apiKey = apiKey == null ? "" : apiKey;
            files = files == null ? Map.of() : Map.copyOf(files);
        }

        @JsonCreator
        static Fred of(@JsonProperty("online") boolean online, @JsonProperty("apiKey") String apiKey,
                       @JsonProperty("baseUrl") String baseUrl, @JsonProperty("series") List<String> series,
                       @JsonProperty("since") String since, @JsonProperty("refresh") String refresh,
                       @JsonProperty("releaseZone") String releaseZone, @JsonProperty("releaseLag") String releaseLag,
                       @JsonProperty("files") Map<String, String> files) {
            return new Fred(online, apiKey, baseUrl, series, since == null ? null : LocalDate.parse(since),
                    duration(refresh), releaseZone, duration(releaseLag), files);
        }
    }

    /** @param symbols symbol → currencies, added to (or replacing entries of) the default map */
    public record Calendar(List<String> sources, String cacheDir, Duration refresh, Duration maxAge, String weekZone,
                           Map<String, List<String>> symbols) {
        public Calendar {
            sources = sources == null ? List.of() : List.copyOf(sources);
            cacheDir = cacheDir == null ? "calendar-cache" : cacheDir;
            refresh = refresh == null ? Duration.ofHours(1) : refresh;
            maxAge = maxAge == null ? Duration.ofHours(24) : maxAge;
            weekZone = weekZone == null ? "America/New_York" : weekZone;
            symbols = symbols == null ? Map.of() : Map.copyOf(symbols);
        }

        @JsonCreator
        static Calendar of(@JsonProperty("sources") List<String> sources, @JsonProperty("cacheDir") String cacheDir,
                           @JsonProperty("refresh") String refresh, @JsonProperty("maxAge") String maxAge,
                           @JsonProperty("weekZone") String weekZone,
                           @JsonProperty("symbols") Map<String, List<String>> symbols) {
            return new Calendar(sources, cacheDir, duration(refresh), duration(maxAge), weekZone, symbols);
        }
    }

    /** @param feeds name, url ({@code file:} = archive, or {@code http(s):}) and the currency its news is about */
    public record Sentiment(String scorer, String lexicon, Onnx onnx, List<Feed> feeds, Duration refresh,
                            Duration halfLife, Double priorWeight) {
        public Sentiment {
            scorer = scorer == null ? "lexicon" : scorer;
            feeds = feeds == null ? List.of() : List.copyOf(feeds);
            refresh = refresh == null ? Duration.ofMinutes(15) : refresh;
            halfLife = halfLife == null ? Duration.ofHours(6) : halfLife;
            priorWeight = priorWeight == null ? 1.0 : priorWeight;
        }

        @JsonCreator
        static Sentiment of(@JsonProperty("scorer") String scorer, @JsonProperty("lexicon") String lexicon,
                            @JsonProperty("onnx") Onnx onnx, @JsonProperty("feeds") List<Feed> feeds,
                            @JsonProperty("refresh") String refresh, @JsonProperty("halfLife") String halfLife,
                            @JsonProperty("priorWeight") Double priorWeight) {
            return new Sentiment(scorer, lexicon, onnx, feeds, duration(refresh), duration(halfLife), priorWeight);
        }
    }

    public record Onnx(String model, String vocabulary, List<String> labels) {
    }

    public record Feed(String name, String url, String currency) {
    }

    public MacroConfig {
        store = store == null ? "macro.db" : store;
        fred = fred == null ? new Fred(false, null, null, null, null, null, null, null, null) : fred;
        calendar = calendar == null ? new Calendar(null, null, null, null, null, null) : calendar;
        sentiment = sentiment == null ? new Sentiment(null, null, null, null, null, null, null) : sentiment;
    }

    private static Duration duration(String iso) {
        return iso == null ? null : Duration.parse(iso);
    }

    /** Every default: offline FRED, no calendar export, the lexicon scorer, no feed. */
    public static MacroConfig defaults() {
        return new MacroConfig(null, null, null, null);
    }

    public static MacroConfig load(Path file) {
        try {
            return new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(Files.readString(file), MacroConfig.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("macro config " + file + ": " + e.getMessage(), e);
        }
    }
}
