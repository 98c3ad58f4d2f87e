package com.vproptrader.sim.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.vproptrader.proto.SymbolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The symbols a broker offers, in a fixed order. The built-in set ({@link #builtIn()}) is
 * {@code symbol-specs.json} next to this class: ILLUSTRATIVE values, not a broker's quote.
 *
 * <p>JSON layout: {@code {"symbols":[{...SymbolSpec fields in proto3 JSON..., "base":"EUR", "quote":"USD"}]}};
 * other top-level keys are ignored.
 */
public final class SymbolSpecs {
    private static final String RESOURCE = "symbol-specs.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Instrument> bySymbol;

    private SymbolSpecs(Map<String, Instrument> bySymbol) {
        this.bySymbol = Collections.unmodifiableMap(bySymbol);
    }

    public static SymbolSpecs of(Instrument... instruments) {
        Map<String, Instrument> m = new LinkedHashMap<>();
        for (Instrument i : instruments) {
            m.put(i.symbol(), i);
        }
        return new SymbolSpecs(m);
    }

    /** EURUSD, GBPUSD, USDJPY, EURGBP, XAUUSD and the index CFD US30 with illustrative, realistic properties. */
    public static SymbolSpecs builtIn() {
        try (InputStream in = SymbolSpecs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SymbolSpecs load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static SymbolSpecs parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode list = root.path("symbols");
            if (!list.isArray()) throw new IllegalArgumentException("symbol specs: \"symbols\" must be an array");
            Map<String, Instrument> m = new LinkedHashMap<>();
            for (JsonNode n : list) {
                ObjectNode o = ((ObjectNode) n).deepCopy();
                String base = o.path("base").asText("");
                String quote = o.path("quote").asText("");
                o.remove("base");
                o.remove("quote");
                SymbolSpec.Builder b = SymbolSpec.newBuilder();
                JsonFormat.parser().merge(JSON.writeValueAsString(o), b);
                Instrument i = new Instrument(b.build(), base, quote);
                m.put(i.symbol(), i);
            }
            return new SymbolSpecs(m);
        } catch (InvalidProtocolBufferException | ClassCastException e) {
            throw new IllegalArgumentException("symbol specs: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("symbol specs: not JSON: " + e.getMessage(), e);
        }
    }

    /** A copy with {@code instrument} added, or replacing the one of the same symbol. */
    public SymbolSpecs with(Instrument instrument) {
        Map<String, Instrument> m = new LinkedHashMap<>(bySymbol);
        m.put(instrument.symbol(), instrument);
        return new SymbolSpecs(m);
    }

    /** A copy with only these symbols (unknown names ignored), in this set's order. */
    public SymbolSpecs only(Collection<String> symbols) {
        Map<String, Instrument> m = new LinkedHashMap<>();
        bySymbol.forEach((k, v) -> {
            if (symbols.contains(k)) m.put(k, v);
        });
        return new SymbolSpecs(m);
    }

    public Optional<Instrument> get(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    public Collection<Instrument> all() {
        return bySymbol.values();
    }

    public java.util.List<String> symbols() {
        return new ArrayList<>(bySymbol.keySet());
    }
}
