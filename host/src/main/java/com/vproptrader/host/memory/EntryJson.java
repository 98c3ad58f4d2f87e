package com.vproptrader.host.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Signal;

import java.util.Map;
import java.util.TreeMap;

/**
 * The journal's {@code entry} row: an {@link EntryContext} as JSON, written when a signal is sent, so the
 * long-term store can be rebuilt from the journal alone. Features are written in name order and NaN values
 * (not computable yet) are left out, so the row is a pure function of the context.
 */
public final class EntryJson {
    /** The journal kind of the row. */
    public static final String KIND = "entry";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Stored(String signal, String regime, String session, long riskCents, String rulePack,
                  String governorState, Map<String, Double> features) {
    }

    private EntryJson() {
    }

    public static String write(EntryContext e) {
        Map<String, Double> features = new TreeMap<>();
        e.features().forEach((k, v) -> {
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                features.put(k, v);
            }
        });
        try {
            return JSON.writeValueAsString(new Stored(JsonFormat.printer().omittingInsignificantWhitespace()
                    .print(e.signal()), e.regime(), e.session(), e.riskAtStop().cents(), e.rulePack(), e.governorState(), features));
        } catch (JsonProcessingException | InvalidProtocolBufferException ex) {
            throw new IllegalStateException("cannot write entry of " + e.signal().getSignalKey(), ex);
        }
    }

    /** Reads an entry row; throws IllegalArgumentException naming what is wrong. */
    public static EntryContext read(String json) {
        try {
            Stored s = JSON.readValue(json, Stored.class);
            Signal.Builder signal = Signal.newBuilder();
            JsonFormat.parser().merge(s.signal(), signal);
            return new EntryContext(signal.build(), s.regime(), s.session(), Money.ofCents(s.riskCents()),
                    s.rulePack(), s.governorState() == null ? "" : s.governorState(),
                    s.features() == null ? Map.of() : s.features());
        } catch (JsonProcessingException | InvalidProtocolBufferException | RuntimeException ex) {
            throw new IllegalArgumentException("not an entry row: " + ex.getMessage(), ex);
        }
    }
}
