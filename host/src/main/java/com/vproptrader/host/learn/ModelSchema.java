package com.vproptrader.host.learn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The feature vector a model was trained on: names in column order, and a hash of them. A model serves
 * only a caller whose vector has the same hash: same names, same order.
 */
public record ModelSchema(List<String> names) {
    public ModelSchema {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a model schema needs at least one feature");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("duplicate feature name in " + names);
        }
    }

    public static ModelSchema of(String... names) {
        return new ModelSchema(List.of(names));
    }

    public int size() {
        return names.size();
    }

    /** SHA-256 of the names joined by newlines, hex: what a model plugin declares and the host checks. */
    public String hash() {
        return hash(names);
    }

    public static String hash(List<String> names) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", names).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** @throws IllegalArgumentException when a row does not have one value per feature */
    void check(double[] row) {
        if (row.length != names.size()) {
            throw new IllegalArgumentException("row has " + row.length + " values, schema has " + names.size());
        }
    }
}
