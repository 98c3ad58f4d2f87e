package com.vproptrader.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * A plugin's parameters, read from the properties file its JAR carries beside the extension class
 * ({@code <ExtensionClass>.properties} in the same package, so two plugins never read each other's). Changing
 * a parameter is shipping a new plugin version, which hot-swaps like any other. A missing or malformed value
 * throws at construction, naming the key and the file, so the host refuses the version instead of trading on
 * a guess.
 */
public final class PluginConfig {
    private final String source;
    private final Properties values;

    private PluginConfig(String source, Properties values) {
        this.source = source;
        this.values = values;
    }

    /** The parameters bundled for {@code extension}: {@code <SimpleName>.properties} next to its class. */
    public static PluginConfig of(Class<?> extension) {
        String name = extension.getSimpleName() + ".properties";
        Properties p = new Properties();
        try (InputStream in = extension.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("plugin config " + name + " not found beside " + extension.getName());
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("plugin config " + name + " unreadable: " + e, e);
        }
        return new PluginConfig(extension.getName() + ".properties", p);
    }

    /** From explicit values (tests, tools). */
    public static PluginConfig of(String source, Properties values) {
        Properties copy = new Properties();
        copy.putAll(values);
        return new PluginConfig(source, copy);
    }

    /** An integer >= {@code min}. */
    public int intAtLeast(String key, int min) {
        String raw = raw(key);
        try {
            int v = Integer.parseInt(raw);
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the key
        }
        throw invalid(key, raw, "an integer >= " + min);
    }

    /** A finite number in [{@code min}, {@code max}]. */
    public double number(String key, double min, double max) {
        String raw = raw(key);
        try {
            double v = Double.parseDouble(raw);
            if (Double.isFinite(v) && v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the key
        }
        throw invalid(key, raw, "a number in [" + min + ", " + max + "]");
    }

    /** A finite number > 0. */
    public double positive(String key) {
        double v = number(key, 0, Double.MAX_VALUE);
        if (v > 0) {
            return v;
        }
        throw invalid(key, raw(key), "a number > 0");
    }

    private String raw(String key) {
        String v = values.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(source + ": missing " + key);
        }
        return v.trim();
    }

    private IllegalStateException invalid(String key, String raw, String expected) {
        return new IllegalStateException(source + ": " + key + " = '" + raw + "', expected " + expected);
    }
}
