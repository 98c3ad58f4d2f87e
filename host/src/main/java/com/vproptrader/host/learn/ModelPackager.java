package com.vproptrader.host.learn;

import com.vproptrader.plugin.api.PluginApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes a model version as a plugin JAR the plugin host loads like any other: the model plugin's classes
 * (from the model-onnx template JAR), the ONNX graph, the schema, and a manifest of its own. Written to a
 * temporary name and moved into place, so a watching plugin host never reads half a JAR.
 */
public final class ModelPackager {
    private final Path template;

    /** @param template the built model-onnx JAR (classes and PF4J extension index, no model) */
    public ModelPackager(Path template) {
        if (!Files.isRegularFile(template)) {
            throw new IllegalArgumentException("no model plugin template at " + template);
        }
        this.template = template;
    }

    /** Writes {@code <dir>/<pluginId>-<version>.jar} and returns its path. */
    public Path write(Path dir, String pluginId, String version, ModelSchema schema, String family, byte[] onnx)
            throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(pluginId + "-" + version + ".jar");
        Path tmp = Files.createTempFile(dir, "." + pluginId, ".part");
        try (OutputStream file = Files.newOutputStream(tmp);
             JarOutputStream jar = new JarOutputStream(file, manifest(pluginId, version));
             JarFile classes = new JarFile(template.toFile())) {
            for (JarEntry e : java.util.Collections.list(classes.entries())) {
                if (e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME) || e.getName().startsWith("model/")) {
                    continue;
                }
                jar.putNextEntry(new JarEntry(e.getName()));
                try (InputStream in = classes.getInputStream(e)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
            put(jar, "model/model.onnx", onnx);
            put(jar, "model/schema.txt", (String.join("\n", schema.names()) + "\n").getBytes(StandardCharsets.UTF_8));
            String props = "version=" + pluginId + "@" + version + "\nfamily=" + family + "\nschemaHash="
                    + schema.hash() + "\n";
            put(jar, "model/model.properties", props.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static Manifest manifest(String pluginId, String version) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", pluginId);
        a.putValue("Plugin-Version", version);
        int major = Integer.parseInt(PluginApi.VERSION.substring(0, PluginApi.VERSION.indexOf('.')));
        a.putValue("Plugin-Requires", ">=" + major + ".0.0 & <" + (major + 1) + ".0.0");
        a.putValue("Plugin-Provider", "VPropTrader learning loop");
        return m;
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }
}
