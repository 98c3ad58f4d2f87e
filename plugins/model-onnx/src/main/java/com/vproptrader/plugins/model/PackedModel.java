package com.vproptrader.plugins.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/** The model files packed in a model plugin's JAR (see README.md), checked against each other. */
record PackedModel(byte[] onnx, List<String> names, String version, String family, String schemaHash) {
    static final String INPUT = "features";
    static final String DIR = "model/";

    static PackedModel load(ClassLoader loader) {
        byte[] onnx = read(loader, "model.onnx");
        List<String> names = new String(read(loader, "schema.txt"), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        Properties props = new Properties();
        try {
            props.load(new StringReader(new String(read(loader, "model.properties"), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + DIR + "model.properties", e);
        }
        String declared = props.getProperty("schemaHash", "");
        if (names.isEmpty() || !declared.equals(hash(names))) {
            throw new IllegalStateException(DIR + "schema.txt (hash " + hash(names) + ") does not match the declared "
                    + "schemaHash '" + declared + "'");
        }
        return new PackedModel(onnx, names, props.getProperty("version", "?"), props.getProperty("family", "?"), declared);
    }

    /** SHA-256 of the names joined by newlines, hex: the same hash the host's learning loop writes. */
    static String hash(List<String> names) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", names).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("no " + DIR + name + " in this plugin: a model plugin is written by the "
                        + "learning loop (ModelPackager), the bare template holds no model");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + DIR + name, e);
        }
    }
}
